import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ProblemError, type FieldError } from '@serviceops/platform';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { shapeProblems } from './shape';
import { memoiseValidationMetadata } from './validation-metadata';

/** Unknown fields are refused, not dropped: a typo must not silently change what a command does. */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const satisfies ValidatorOptions;

/** class-validator's error tree as flat field errors with JSON paths: `calendar.workingHours[1].open`. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path: path || '(body)',
      message,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (property === '') return parent;
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function validationProblem(errors: readonly ValidationError[]): ProblemError {
  const fields = fieldErrorsOf(errors);
  return new ProblemError(
    'VALIDATION',
    `the request has ${fields.length === 1 ? 'an invalid field' : `${fields.length} invalid fields`}`,
    fields,
  );
}

/**
 * Text no service can store as given (a NUL character, a lone surrogate), in any field, refused as a VALIDATION
 * problem naming the fields. Checked here, before anything else, because a lone surrogate does not survive the
 * gRPC hop to a service (protobuf encodes it to bytes that decode as U+FFFD), and a NUL would otherwise be
 * refused late, by the event store, as a business rule (422) or kept sealed in an encrypted field.
 */
export function assertWellFormedText(input: unknown, root = ''): void {
  const fields = shapeProblems(input, root);
  if (fields.length > 0)
    throw new ProblemError(
      'VALIDATION',
      `the request has ${fields.length === 1 ? 'an invalid field' : `${fields.length} invalid fields`}`,
      fields,
    );
}

/** The global pipe of the REST API: text checked, DTOs validated and transformed, failures as a VALIDATION problem. */
class GatewayValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The request's own input only: custom parameters (the caller's identity) are the gateway's, not the caller's.
    if (metadata.type !== 'custom') assertWellFormedText(value, metadata.data ?? '');
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function gatewayValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new GatewayValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationProblem(errors),
  });
}

/** The same validation outside Nest's pipes (the public gRPC API): the instance, or a VALIDATION problem. */
export async function validateInput<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<T> {
  memoiseValidationMetadata();
  assertWellFormedText(plain);
  const instance = plainToInstance(type, plain ?? {});
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw validationProblem(errors);
  return instance;
}
