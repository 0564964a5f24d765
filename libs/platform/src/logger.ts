import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

/**
 * Field names that hold a person's data (the customer file, inquiries, return visits). Logs censor them; the
 * gateway requires every answer field of these names to be classified on its view (`@Personal()` or
 * `@NotPersonal(why)`), which is what its idempotency store reads.
 */
export const PERSONAL_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'idNumber',
  'birthDate',
  'gender',
  'notes',
  'needs',
  'subject',
  'content',
  'answer',
  'feedback',
  'suggestions',
  'place',
  'requirements',
  'note',
  'action',
] as const;

/**
 * Field names that may hold personal data or secrets. They are censored wherever they appear in a log
 * record (two levels deep), so a careless `log.info({ customer })` still cannot leak a phone number.
 */
const SENSITIVE = [
  ...PERSONAL_FIELDS,
  'displayName',
  'fullName',
  'firstName',
  'lastName',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'authorization',
  'cookie',
  'secret',
  'contacts',
];
const redactPaths = SENSITIVE.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** JSON lines with the active trace and span ids, personal fields censored. */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const span = trace.getActiveSpan()?.spanContext();
        return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
      },
    },
    destination,
  );
}

/** NestJS's logger interface on top of pino, so framework messages come out as the same JSON lines. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    // NestJS reports its boot steps at `log`: detail for debugging, not for the info stream.
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, stack: trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
