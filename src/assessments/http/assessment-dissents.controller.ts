import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CommandMeta } from '../../common/http/command-meta.decorator.js';
import type { RequestCommandMeta } from '../../common/http/command-meta.decorator.js';
import { newEntityId } from '../../common/http/new-entity-id.js';
import type { CommandMetadata, CommandResult } from '../application/command-metadata.js';
import { RecordDissentCommand } from '../commands/record-dissent.command.js';
import { ReviseDissentCommand } from '../commands/revise-dissent.command.js';
import { WithdrawDissentCommand } from '../commands/withdraw-dissent.command.js';
import type { LikelihoodInput } from '../domain/likelihood.js';
import { AssessmentIdPipe, UuidParamPipe } from './assessment-id.pipe.js';
import { ChangeDto } from './dto/change.dto.js';
import { DissentDto } from './dto/dissent-requests.dto.js';
import { CommandResultResponse, DissentRecordedResponse } from './responses/command-result.response.js';
import { ApiCommand, CHANGE_ERRORS } from '../../openapi/api-command.decorator.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { ApiAssessmentIdParam, ApiUuidParam } from '../../openapi/api-id-param.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

const metaOf = (request: RequestCommandMeta, body: ChangeDto): CommandMetadata => ({
  ...request,
  effectiveAt: body.effectiveAt,
  causationId: body.causationId,
});

function positionOf(body: DissentDto, dissentId: string) {
  const l = body.likelihood;
  // @IsOptional lets null through as well as a missing field: both mean "no likelihood of its own".
  const likelihood = l === undefined || l === null ? null : ((l.probability !== undefined ? { probability: l.probability } : { scale: l.scale, term: l.term }) as LikelihoodInput);
  return { dissentId, likelihood, confidence: body.confidence ?? null, evidenceIds: body.evidenceIds ?? [], rationale: body.rationale };
}

/** Significant disagreements, recorded beside the main line by analysts other than its author. */
@ApiTags('dissents')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@ApiAssessmentIdParam()
@Controller('assessments/:id/dissents')
@AllowRoles('analyst')
export class AssessmentDissentsController {
  constructor(private readonly commandBus: CommandBus) {}

  @ApiCommand({
    summary: 'Record a dissent beside the main line',
    description: 'Role analyst, not the author of the main line. Its own likelihood and/or confidence, and the evidence weighed differently.',
    created: true,
    response: DissentRecordedResponse,
    errors: CHANGE_ERRORS,
  })
  @Post()
  @HttpCode(201)
  async record(
    @Param('id', AssessmentIdPipe) id: string,
    @Body() body: DissentDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult & { dissentId: string }> {
    const dissentId = newEntityId(request, 'dissent');
    const result = await this.commandBus.execute(new RecordDissentCommand(id, body.expectedRevision, positionOf(body, dissentId), metaOf(request, body)));
    return { ...result, dissentId };
  }

  @ApiCommand({ summary: 'Revise a dissent', description: 'Role analyst: its author.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiUuidParam('dissentId', 'Dissent id (from recording it)')
  @Post(':dissentId/revise')
  @HttpCode(200)
  revise(
    @Param('id', AssessmentIdPipe) id: string,
    @Param('dissentId', new UuidParamPipe('dissentId')) dissentId: string,
    @Body() body: DissentDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ReviseDissentCommand(id, body.expectedRevision, positionOf(body, dissentId), metaOf(request, body)));
  }

  @ApiCommand({ summary: 'Withdraw a dissent', description: 'Role analyst: its author.', response: CommandResultResponse, errors: CHANGE_ERRORS })
  @ApiUuidParam('dissentId', 'Dissent id (from recording it)')
  @Post(':dissentId/withdraw')
  @HttpCode(200)
  withdraw(
    @Param('id', AssessmentIdPipe) id: string,
    @Param('dissentId', new UuidParamPipe('dissentId')) dissentId: string,
    @Body() body: ChangeDto,
    @CommandMeta() request: RequestCommandMeta,
  ): Promise<CommandResult> {
    const data = { dissentId, rationale: body.rationale };
    return this.commandBus.execute(new WithdrawDissentCommand(id, body.expectedRevision, data, metaOf(request, body)));
  }
}
