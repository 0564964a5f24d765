import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemError } from '@serviceops/platform';

/** A path parameter that must be a UUID: a 400 VALIDATION problem naming it otherwise. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ProblemError('VALIDATION', `${name} must be a UUID`, [{ path: name, message: 'must be a UUID' }]),
    }),
  );
}
