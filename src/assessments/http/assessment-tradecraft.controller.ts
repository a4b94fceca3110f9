import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CommandMeta } from '../../common/http/command-meta.decorator.js';
import { newEntityId } from '../../common/http/new-entity-id.js';
import type { RequestCommandMeta } from '../../common/http/command-meta.decorator.js';
import { commandIdFor, eventIdFor } from '../application/assessment-command.executor.js';
import type { CommandMetadata, CommandResult } from '../application/command-metadata.js';
import { AddIndicatorCommand } from '../commands/add-indicator.command.js';
import { LinkEvidenceCommand } from '../commands/link-evidence.command.js';
import { ObserveIndicatorCommand } from '../commands/observe-indicator.command.js';
import { RecordOutcomeCommand } from '../commands/record-outcome.command.js';
import { RetractOutcomeCommand } from '../commands/retract-outcome.command.js';
import { ReviewAssumptionCommand } from '../commands/review-assumption.command.js';
import { StateAssumptionCommand } from '../commands/state-assumption.command.js';
import { UnlinkEvidenceCommand } from '../commands/unlink-evidence.command.js';
import { AssessmentIdPipe, UuidParamPipe } from './assessment-id.pipe.js';
import { ChangeDto } from './dto/change.dto.js';
import {
  AddIndicatorDto,
  LinkEvidenceDto,
  ObserveIndicatorDto,
  RecordOutcomeDto,
  ReviewAssumptionDto,
  StateAssumptionDto,
} from './dto/tradecraft-requests.dto.js';
import {
  AssumptionStatedResponse,
  CommandResultResponse,
  EvidenceLinkedResponse,
  IndicatorAddedResponse,
  IndicatorObservedResponse,
} from './responses/command-result.response.js';
import { ApiCommand, CHANGE_ERRORS } from '../../openapi/api-command.decorator.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { ApiAssessmentIdParam, ApiUuidParam } from '../../openapi/api-id-param.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

const metaOf = (request: RequestCommandMeta, body: ChangeDto): CommandMetadata => ({
  ...request,
  effectiveAt: body.effectiveAt,
  causationId: body.causationId,
});

/**
 * The reasons behind a judgment and how it turned out: evidence, key
 * assumptions, indicators and their observations, outcomes.
 */
@ApiTags('tradecraft')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@ApiAssessmentIdParam()
@Controller('assessments/:id')
@AllowRoles('analyst')
export class AssessmentTradecraftController {
  constructor(private readonly commandBus: CommandBus) {}

  @ApiCommand({ summary: 'Link evidence, graded on the Admiralty system', description: 'Role analyst.', created: true, response: EvidenceLinkedResponse, errors: CHANGE_ERRORS })
  @Post('evidence')
  @HttpCode(201)
  async linkEvidence(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: LinkEvidenceDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult & { evidenceId: string }> {
    const evidenceId = newEntityId(request, 'evidence');
    const { title, source, reliability, credibility, bearing, url, excerpt, rationale } = body;
    const data = { evidenceId, title, source, reliability, credibility, bearing, url: url ?? null, excerpt: excerpt ?? null, rationale };
    const result = await this.commandBus.execute(new LinkEvidenceCommand(id, body.expectedRevision, data, metaOf(request, body)));
    return { ...result, evidenceId };
  }

  @ApiCommand({ summary: 'Unlink evidence', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiUuidParam('evidenceId', 'Evidence id (from linking it)')
  @Post('evidence/:evidenceId/unlink')
  @HttpCode(200)
  unlinkEvidence(
    @Param('id', AssessmentIdPipe) id: string,
    @Param('evidenceId', new UuidParamPipe('evidenceId')) evidenceId: string,
    @Body() body: ChangeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { evidenceId, rationale: body.rationale };
    return this.commandBus.execute(new UnlinkEvidenceCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'State a key assumption', description: 'Role analyst.', created: true, response: AssumptionStatedResponse, errors: CHANGE_ERRORS })
  @Post('assumptions')
  @HttpCode(201)
  async stateAssumption(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: StateAssumptionDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult & { assumptionId: string }> {
    const assumptionId = newEntityId(request, 'assumption');
    const data = { assumptionId, text: body.text, linchpin: body.linchpin ?? false, rationale: body.rationale };
    const result = await this.commandBus.execute(new StateAssumptionCommand(id, body.expectedRevision, data, metaOf(request, body)));
    return { ...result, assumptionId };
  }

  @ApiCommand({ summary: 'Review a key assumption (Key Assumptions Check)', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiUuidParam('assumptionId', 'Assumption id (from stating it)')
  @Post('assumptions/:assumptionId/review')
  @HttpCode(200)
  reviewAssumption(
    @Param('id', AssessmentIdPipe) id: string,
    @Param('assumptionId', new UuidParamPipe('assumptionId')) assumptionId: string,
    @Body() body: ReviewAssumptionDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { assumptionId, verdict: body.verdict, rationale: body.rationale };
    return this.commandBus.execute(new ReviewAssumptionCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Add an indicator', description: 'Role analyst.', created: true, response: IndicatorAddedResponse, errors: CHANGE_ERRORS })
  @Post('indicators')
  @HttpCode(201)
  async addIndicator(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: AddIndicatorDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult & { indicatorId: string }> {
    const indicatorId = newEntityId(request, 'indicator');
    const data = { indicatorId, text: body.text, direction: body.direction, rationale: body.rationale };
    const result = await this.commandBus.execute(new AddIndicatorCommand(id, body.expectedRevision, data, metaOf(request, body)));
    return { ...result, indicatorId };
  }

  /**
   * The observation's id is the id of the event that records it, so a
   * likelihood change it prompts can name it as `causationId`.
   */
  @ApiCommand({ summary: 'Record an observation of an indicator', description: 'Role analyst. The observationId can be a later change’s causationId.', created: true, response: IndicatorObservedResponse, errors: CHANGE_ERRORS })
  @ApiUuidParam('indicatorId', 'Indicator id (from adding it)')
  @Post('indicators/:indicatorId/observations')
  @HttpCode(201)
  async observeIndicator(
    @Param('id', AssessmentIdPipe) id: string,
    @Param('indicatorId', new UuidParamPipe('indicatorId')) indicatorId: string,
    @Body() body: ObserveIndicatorDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult & { observationId: string }> {
    const meta = metaOf(request, body);
    const commandId = commandIdFor(meta);
    const observationId = eventIdFor(commandId, 0);
    const data = { indicatorId, observationId, observation: body.observation, observedAt: body.observedAt, rationale: body.rationale };
    const result = await this.commandBus.execute(
      new ObserveIndicatorCommand(id, body.expectedRevision, data, { ...meta, commandId }),
    );
    return { ...result, observationId };
  }

  @ApiCommand({ summary: 'Record the outcome (resolves the assessment)', description: 'Role analyst. knownAt may be in the past.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @Post('outcome')
  @HttpCode(200)
  recordOutcome(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: RecordOutcomeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { outcome: body.outcome, knownAt: body.knownAt, rationale: body.rationale };
    return this.commandBus.execute(new RecordOutcomeCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Retract the outcome (reopens the assessment)', description: 'Role analyst.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @Post('outcome/retract')
  @HttpCode(200)
  retractOutcome(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: ChangeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    return this.commandBus.execute(
      new RetractOutcomeCommand(id, body.expectedRevision, { rationale: body.rationale }, metaOf(request, body)),
    );
  }
}
