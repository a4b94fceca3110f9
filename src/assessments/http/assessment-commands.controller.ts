import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CommandMeta } from '../../common/http/command-meta.decorator.js';
import { newEntityId } from '../../common/http/new-entity-id.js';
import type { RequestCommandMeta } from '../../common/http/command-meta.decorator.js';
import type { CommandMetadata, CommandResult } from '../application/command-metadata.js';
import { ChangeClassificationCommand } from '../commands/change-classification.command.js';
import { ChangeConfidenceCommand } from '../commands/change-confidence.command.js';
import { ChangeHorizonCommand } from '../commands/change-horizon.command.js';
import { ChangeLikelihoodCommand } from '../commands/change-likelihood.command.js';
import { ChangeSubjectCommand } from '../commands/change-subject.command.js';
import { DraftAssessmentCommand } from '../commands/draft-assessment.command.js';
import { PublishAssessmentCommand } from '../commands/publish-assessment.command.js';
import { RewordStatementCommand } from '../commands/reword-statement.command.js';
import { SupersedeAssessmentCommand } from '../commands/supersede-assessment.command.js';
import { WithdrawAssessmentCommand } from '../commands/withdraw-assessment.command.js';
import type { LikelihoodInput } from '../domain/likelihood.js';
import type { HorizonInput } from '../domain/horizons.js';
import { AssessmentIdPipe } from './assessment-id.pipe.js';
import { ChangeDto } from './dto/change.dto.js';
import {
  ChangeClassificationDto,
  ChangeConfidenceDto,
  ChangeHorizonDto,
  ChangeLikelihoodDto,
  ChangeSubjectDto,
  RewordStatementDto,
  SupersedeAssessmentDto,
} from './dto/change-requests.dto.js';
import { DraftAssessmentDto } from './dto/draft-assessment.dto.js';
import type { HorizonDto } from './dto/horizon.dto.js';
import type { LikelihoodDto } from './dto/likelihood.dto.js';
import type { SubjectDto } from './dto/subject.dto.js';
import { CommandResultResponse } from './responses/command-result.response.js';
import { ApiCommand, CHANGE_ERRORS } from '../../openapi/api-command.decorator.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { ApiAssessmentIdParam } from '../../openapi/api-id-param.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

const metaOf = (request: RequestCommandMeta, body: { effectiveAt?: string; causationId?: string }): CommandMetadata => ({
  ...request,
  effectiveAt: body.effectiveAt,
  causationId: body.causationId,
});

// The DTOs have been validated; these narrow them to the domain's input shapes.
const likelihoodInput = (l: LikelihoodDto) =>
  (l.probability !== undefined ? { probability: l.probability } : { scale: l.scale, term: l.term }) as LikelihoodInput;
const horizonInput = (h: HorizonDto) =>
  (h.term !== undefined ? { term: h.term, start: h.start } : { start: h.start, end: h.end }) as HorizonInput;
const subjectInput = (s: SubjectDto | undefined) => ({
  actors: s?.actors ?? [],
  regions: s?.regions ?? [],
  topics: s?.topics ?? [],
});

/** Writes: drafting an assessment and recording each kind of change to it. */
@ApiTags('assessments')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@Controller('assessments')
export class AssessmentCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @ApiCommand({
    summary: 'Draft an assessment',
    description:
      'Role analyst. The judgment, its likelihood (a scale term or a probability), confidence, horizon, subject, source and marking; ' +
      '`effectiveAt` backdates it. Answers `Location: /assessments/{id}`.',
    created: true,
    response: CommandResultResponse,
    errors: [400, 413, 415, 422, 503],
    againstRevision: false,
  })
  @Post()
  @HttpCode(201)
  @AllowRoles('analyst')
  async draft(
    @Body() body: DraftAssessmentDto,
    @CommandMeta() request: RequestCommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const assessmentId = newEntityId(request, 'assessment');
    const result = await this.commandBus.execute(
      new DraftAssessmentCommand(
        {
          assessmentId,
          statement: body.statement,
          likelihood: likelihoodInput(body.likelihood),
          confidence: body.confidence,
          horizon: horizonInput(body.horizon),
          subject: subjectInput(body.subject),
          source: body.source ? { document: body.source.document, section: body.source.section ?? null } : null,
          classification: body.classification,
          rationale: body.rationale,
        },
        metaOf(request, body),
      ),
    );
    reply.header('Location', `/assessments/${assessmentId}`);
    return result;
  }

  @ApiCommand({ summary: 'Reword the statement', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/statement')
  @HttpCode(200)
  @AllowRoles('analyst')
  reword(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: RewordStatementDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { statement: body.statement, rationale: body.rationale };
    return this.commandBus.execute(new RewordStatementCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Change the likelihood', description: 'Role analyst. With the basis of the change (new information, new reasoning, correction).', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/likelihood')
  @HttpCode(200)
  @AllowRoles('analyst')
  changeLikelihood(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeLikelihoodDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { likelihood: likelihoodInput(body.likelihood), basis: body.basis, rationale: body.rationale };
    return this.commandBus.execute(new ChangeLikelihoodCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Change the confidence', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/confidence')
  @HttpCode(200)
  @AllowRoles('analyst')
  changeConfidence(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeConfidenceDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { confidence: body.confidence, basis: body.basis, rationale: body.rationale };
    return this.commandBus.execute(new ChangeConfidenceCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Change the time horizon', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/horizon')
  @HttpCode(200)
  @AllowRoles('analyst')
  changeHorizon(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeHorizonDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { horizon: horizonInput(body.horizon), rationale: body.rationale };
    return this.commandBus.execute(new ChangeHorizonCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Change the subject (actors, regions, topics)', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/subject')
  @HttpCode(200)
  @AllowRoles('analyst')
  changeSubject(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeSubjectDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { subject: subjectInput(body.subject), rationale: body.rationale };
    return this.commandBus.execute(new ChangeSubjectCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Publish the assessment', description: 'Role reviewer; never the author of the last change (four eyes: 422 `four-eyes`).', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/publish')
  @HttpCode(200)
  @AllowRoles('reviewer')
  publish(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { rationale: body.rationale };
    return this.commandBus.execute(new PublishAssessmentCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Withdraw the assessment (closes it)', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/withdraw')
  @HttpCode(200)
  @AllowRoles('analyst')
  withdraw(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { rationale: body.rationale };
    return this.commandBus.execute(new WithdrawAssessmentCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Raise or lower the marking', description: 'Role analyst; not above your own clearance.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/classification')
  @HttpCode(200)
  @AllowRoles('analyst')
  changeClassification(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeClassificationDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { classification: body.classification, rationale: body.rationale };
    return this.commandBus.execute(new ChangeClassificationCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Supersede by another assessment (closes it)', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiAssessmentIdParam()
  @Post(':id/supersede')
  @HttpCode(200)
  @AllowRoles('analyst')
  supersede(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: SupersedeAssessmentDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { supersededBy: body.supersededBy.toLowerCase(), rationale: body.rationale };
    return this.commandBus.execute(
      new SupersedeAssessmentCommand(id, body.expectedRevision, data, metaOf(request, body)),
    );
  }
}
