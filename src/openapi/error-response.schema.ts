import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One failing field of a 400 answer, named by its dotted path. */
export class FieldErrorSchema {
  @ApiProperty({ example: 'likelihood.term', description: 'Dotted path of the field (or `body`, `id`, `Idempotency-Key`)' })
  field: string;

  @ApiProperty({ example: 'likelihood.term must be one of unlikely, possible, likely, highly-likely for scale nta' })
  message: string;
}

/**
 * Every error the service answers has this shape (HttpExceptionFilter);
 * which optional members appear depends on the status.
 */
export class ErrorResponseSchema {
  @ApiProperty({ example: 400, description: 'The HTTP status, repeated' })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The status text' })
  error: string;

  @ApiProperty({ example: 'likelihood.term must be one of unlikely, possible, likely, highly-likely for scale nta' })
  message: string;

  @ApiPropertyOptional({ type: () => [FieldErrorSchema], description: '400: one entry per invalid field' })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({
    example: 'four-eyes',
    description:
      'Machine-readable reason: 409 `wrong-expected-revision`, `already-exists`, `related-assessment-changing`, `rebuild-in-progress`; 422 the rule broken ' +
      '(`four-eyes`, `no-change`, `assessment-closed`, `effective-time-order`, `idempotency-key-reused`, `report-too-large`, ...); ' +
      '503 `read-model-behind`, `event-store-unavailable`',
  })
  code?: string;

  @ApiPropertyOptional({ example: 0, description: '409 wrong-expected-revision: the revision the request expected' })
  expectedRevision?: number;

  @ApiPropertyOptional({ example: 2, nullable: true, description: '409 wrong-expected-revision: the revision the assessment is at now' })
  currentRevision?: number | null;

  @ApiPropertyOptional({ example: '42', description: '503 read-model-behind: the position asked for' })
  minPosition?: string;

  @ApiPropertyOptional({ example: '40', description: '503 read-model-behind: the position the read models have reached' })
  position?: string;

  @ApiPropertyOptional({ example: 2000, description: '422 report-too-large: the most judgments a report may hold' })
  limit?: number;

  @ApiPropertyOptional({ example: '57', description: '400 on minPosition: the newest position in the log, which minPosition was past' })
  head?: string;
}
