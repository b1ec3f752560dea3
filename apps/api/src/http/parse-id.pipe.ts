import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from './validation';

const ID = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,199}$/;

/**
 * For ids that are not always UUIDs, such as post ids derived by the election domain
 * (`<election>-secretary-<person>`): letters, digits, `-`, `_` and `:`, at most 200 characters.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID.test(value)) {
      throw new ValidationFailed([{ field: 'id', messages: ['must be 1-200 letters, digits, "-", "_" or ":"'] }]);
    }
    return value;
  }
}
