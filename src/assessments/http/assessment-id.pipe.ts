import { Injectable, PipeTransform } from '@nestjs/common';
import { badRequest } from '../../common/http/validation-error.factory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Assessment ids are UUIDs; anything else is named as the failing field. */
@Injectable()
export class AssessmentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw badRequest([{ field: 'id', message: 'id must be a UUID' }]);
    return value.toLowerCase();
  }
}
