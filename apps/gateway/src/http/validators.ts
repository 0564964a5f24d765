import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { StringRule } from '@serviceops/kernel';
import { IsInt, IsOptional, Min, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A string field checked by a shared rule (libs/kernel rules.ts, which the domain applies too), with the rule's
 * constraints stated in OpenAPI, so the spec says what the server enforces. `api` adds descriptions, examples,
 * `required: false` and `nullable`; optionality itself is the caller's `@IsOptional()` / `@ValidateIf(...)`.
 * With `{ each: true }` the field is an array of such strings.
 */
export function Follows(
  rule: StringRule,
  api: ApiPropertyOptions = {},
  options: ValidationOptions = {},
): PropertyDecorator {
  const each = options.each === true;
  const schema = { ...rule.schema };
  return applyDecorators(
    ApiProperty(
      (each ? { ...api, type: 'array', items: schema } : { ...schema, ...api }) as ApiPropertyOptions,
    ),
    ValidateBy(
      {
        name: 'follows',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && rule.accepts(value),
          defaultMessage: () =>
            each ? `each value of $property ${rule.message}` : `$property ${rule.message}`,
        },
      },
      options,
    ),
  );
}

/** What OpenAPI (and so the proto) says of every password being set. */
export const NEW_PASSWORD: ApiPropertyOptions = {
  format: 'password',
  description: 'never logged, never kept in an idempotent answer; stored only as a hash',
};

/** `expectedVersion` of a public gRPC command: what `If-Match` is over REST. */
export function ExpectedVersion(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
  };
}

/** A field checked whenever present: unlike `@IsOptional()`, null is refused rather than let through. */
export function present(_dto: object, value: unknown): boolean {
  return value !== undefined;
}

/** A field that null (REST) or "" (gRPC) removes: checked only when set to a value. */
export function changesTo(_dto: object, value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Schema-level constraints by schema name, for what property decorators cannot say (read by openapi.ts). */
export const SCHEMA_EXTRAS = new Map<string, Readonly<Record<string, unknown>>>();

/**
 * OpenAPI constraints on a whole schema, e.g. `{ minProperties: 1 }` for a change that must name something
 * (the domain refuses an empty one). `name` is the schema's `@ApiSchema` name.
 */
export function SchemaExtras(name: string, extras: Readonly<Record<string, unknown>>): ClassDecorator {
  return () => {
    SCHEMA_EXTRAS.set(name, extras);
  };
}
