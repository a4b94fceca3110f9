import { ApiProperty } from '@nestjs/swagger';
import { ASSESSMENT_STATUSES, CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import { NTA } from '../../../openapi/nta-examples.js';
import {
  HorizonViewSchema,
  LikelihoodViewSchema,
  PublicationSchema,
  SourceViewSchema,
  SubjectViewSchema,
} from './assessment-values.response.js';

/** One assessment as lists show it. */
export class AssessmentSummaryResponse {
  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: 1 })
  revision: number;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, example: 'published' })
  status: string;

  @ApiProperty({ example: NTA.statement })
  statement: string;

  @ApiProperty({ type: () => LikelihoodViewSchema })
  likelihood: LikelihoodViewSchema;

  @ApiProperty({ enum: CONFIDENCE_LEVELS, example: 'moderate' })
  confidence: string;

  @ApiProperty({ type: () => HorizonViewSchema })
  horizon: HorizonViewSchema;

  @ApiProperty({ type: () => SubjectViewSchema })
  subject: SubjectViewSchema;

  @ApiProperty({ example: 'UNCLASSIFIED', description: 'One of CLASSIFICATION_LEVELS' })
  classification: string;

  @ApiProperty({ type: () => SourceViewSchema, nullable: true })
  source: SourceViewSchema | null;

  @ApiProperty({ format: 'date-time', example: '2023-02-05T10:15:00.000Z', description: 'Recorded time of the draft' })
  createdAt: string;

  @ApiProperty({ example: NTA.analyst })
  createdBy: string;

  @ApiProperty({ format: 'date-time', example: '2023-02-06T09:00:00.000Z' })
  updatedAt: string;

  @ApiProperty({ example: NTA.reviewer })
  updatedBy: string;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt, description: 'Effective time the judgment was first made' })
  effectiveAt: string;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt, description: 'Effective time of the latest change' })
  lastEffectiveAt: string;

  @ApiProperty({ type: () => PublicationSchema, nullable: true })
  published: PublicationSchema | null;

  @ApiProperty({ example: false })
  hasUnpublishedChanges: boolean;

  @ApiProperty({ format: 'uuid', nullable: true, example: null })
  supersededBy: string | null;

  @ApiProperty({ example: 0, description: 'Standing (not withdrawn) dissents' })
  dissentCount: number;
}
