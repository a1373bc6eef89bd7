import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { validationFailed } from './app-exception.js';

/**
 * A path parameter that must be a UUID: `@Param('id', ParseUuidParamPipe)`. Nest's ParseUUIDPipe
 * answers a bare `HTTP.BAD_REQUEST` that names no field (its error factory is never told the
 * parameter's name); this one answers `VALIDATION.FAILED` with the parameter in `details`, like every
 * DTO field error.
 */
@Injectable()
export class ParseUuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw validationFailed([{ field, code: 'isUuid', message: `${field} must be a UUID.` }]);
  }
}
