import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './app-exception.js';
import { cacheValidationMetadataLookups } from './validation-metadata-cache.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({ field, message, code }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The one global validation pipe: unknown fields are rejected, and every field error is named. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadataLookups();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
