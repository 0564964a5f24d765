import { IsInt, IsOptional, isISO8601, Min, ValidateBy, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2025-02-29), without a time. */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DATE_ONLY.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: () => '$property must be a date YYYY-MM-DD',
      },
    },
    options,
  );
}

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
