import { Module } from '@nestjs/common';
import { AssessmentCommandExecutor } from './application/assessment-command.executor.js';
import { ASSESSMENT_SNAPSHOTS } from './application/assessment-snapshots.js';
import { AssessmentRepository } from './application/assessment.repository.js';
import { ASSESSMENT_COMMAND_HANDLERS } from './commands/index.js';
import { AssessmentCommandsController } from './http/assessment-commands.controller.js';
import { AssessmentDissentsController } from './http/assessment-dissents.controller.js';
import { AssessmentQueriesController } from './http/assessment-queries.controller.js';
import { AssessmentTradecraftController } from './http/assessment-tradecraft.controller.js';
import { AuditController } from './http/audit.controller.js';
import { CalibrationController } from './http/calibration.controller.js';
import { ReportsController } from './http/reports.controller.js';
import { ReviewDueController } from './http/review-due.controller.js';
import { AssessmentProjectionRegistration } from './projections/assessment-projection.registration.js';
import { ReadModelAssessmentSnapshots } from './projections/read-model-assessment-snapshots.js';
import { GetAssessmentHistoryHandler } from './queries/get-assessment-history.handler.js';
import { GetAssessmentIntegrityHandler } from './queries/get-assessment-integrity.handler.js';
import { GetAssessmentTimelineHandler } from './queries/get-assessment-timeline.handler.js';
import { GetAnalyticLineReportHandler } from './queries/get-analytic-line-report.handler.js';
import { GetAssessmentHandler } from './queries/get-assessment.handler.js';
import { GetCalibrationHandler } from './queries/get-calibration.handler.js';
import { ListAssessmentsHandler } from './queries/list-assessments.handler.js';
import { ListAuditEntriesHandler } from './queries/list-audit-entries.handler.js';
import { ListReviewDueHandler } from './queries/list-review-due.handler.js';

@Module({
  controllers: [
    AssessmentCommandsController,
    AssessmentTradecraftController,
    AssessmentDissentsController,
    AssessmentQueriesController,
    AuditController,
    ReviewDueController,
    CalibrationController,
    ReportsController,
  ],
  providers: [
    { provide: ASSESSMENT_SNAPSHOTS, useClass: ReadModelAssessmentSnapshots },
    AssessmentRepository,
    AssessmentCommandExecutor,
    AssessmentProjectionRegistration,
    ...ASSESSMENT_COMMAND_HANDLERS,
    GetAssessmentHandler,
    GetAnalyticLineReportHandler,
    GetAssessmentHistoryHandler,
    GetAssessmentIntegrityHandler,
    GetAssessmentTimelineHandler,
    GetCalibrationHandler,
    ListAssessmentsHandler,
    ListAuditEntriesHandler,
    ListReviewDueHandler,
  ],
  exports: [AssessmentRepository],
})
export class AssessmentsModule {}
