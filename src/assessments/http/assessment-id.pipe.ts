import { Injectable, PipeTransform } from '@nestjs/common';
import { badRequest } from '../../common/http/validation-error.factory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are UUIDs; anything else is refused naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw badRequest([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/** The `:id` of an assessment. */
@Injectable()
export class AssessmentIdPipe extends UuidParamPipe {
  constructor() {
    super('id');
  }
}
