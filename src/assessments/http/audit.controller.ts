import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { ListAuditEntriesQuery } from '../queries/list-audit-entries.query.js';
import type { AuditFeed } from '../queries/list-audit-entries.query.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { positionOf } from './list-filter.mapper.js';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** Who changed what, when and why, across all assessments. */
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AllowRoles('auditor', 'admin')
  feed(@Query() query: AuditQueryDto, @CurrentVisibility() visibility: Visibility): Promise<AuditFeed> {
    return this.queryBus.execute(
      new ListAuditEntriesQuery(
        {
          actor: query.actor,
          types: query.type,
          assessmentId: query.assessmentId?.toLowerCase(),
          recordedFrom: time(query.from),
          recordedTo: time(query.to),
          effectiveFrom: time(query.effectiveFrom),
          effectiveTo: time(query.effectiveTo),
        },
        { limit: query.limit ?? 50, cursor: query.cursor, ascending: query.order === 'asc' },
        positionOf(query.minPosition),
        visibility,
      ),
    );
  }
}
