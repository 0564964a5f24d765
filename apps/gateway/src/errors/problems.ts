import { HttpException } from '@nestjs/common';
import { ProblemError, toProblem, type Problem } from '@serviceops/platform';

/**
 * An error whose answer is already decided: the problem an upstream service answered with, or one replayed
 * from the idempotency store. The gateway answers with exactly this status and body.
 */
export class ProblemResponse extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemResponse';
  }
}

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

const DETAIL_OF_STATUS: Readonly<Record<number, string>> = {
  413: 'the request body is larger than this API accepts',
  429: 'too many requests: retry after the number of seconds in Retry-After',
};

/** A path that exists, asked with a method it does not answer (the `Allow` header lists those it does). */
export function methodNotAllowed(method: string, allowed: readonly string[]): Problem {
  return toProblem(
    new ProblemError('METHOD_NOT_ALLOWED', `${method} is not allowed here: use ${allowed.join(', ')}`),
  );
}

/** Everything the gateway can fail with, as the problem it answers. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemResponse) return error.problem;
  if (error instanceof HttpException) return problemOfStatus(error.getStatus(), bodyParserDetail(error));
  const status = statusOfHttpError(error);
  if (status !== undefined) return problemOfStatus(status, bodyParserDetail(error as Error));
  return toProblem(error);
}

/**
 * Errors the framework raises by HTTP status (unknown route, body parser: malformed JSON, too large, wrong
 * charset, throttler): the known statuses get our codes, other 4xx keep theirs, 5xx hide their message.
 */
function problemOfStatus(status: number, message: string): Problem {
  const code = CODE_OF_STATUS[status];
  const detail = DETAIL_OF_STATUS[status] ?? message;
  if (code) return toProblem(new ProblemError(code, detail));
  if (status >= 400 && status < 500)
    return {
      type: `https://serviceops.dev/problems/http-${status}`,
      title: 'Bad request',
      status,
      detail,
      code: `HTTP_${status}`,
    };
  return toProblem(new Error(message));
}

/**
 * What to say of a body-parser error. A JSON syntax error's message quotes the body (`"abc" is not valid JSON`),
 * which may hold a password or personal data: it is not repeated, only where the syntax broke.
 */
function bodyParserDetail(error: Error): string {
  const parseFailed =
    (error as Error & { type?: unknown }).type === 'entity.parse.failed' ||
    /is not valid JSON|Unexpected (token|end of JSON|non-whitespace)|in JSON at position/.test(error.message);
  if (!parseFailed) return error.message;
  const position = /position (\d+)/.exec(error.message)?.[1];
  return `the body is not valid JSON${position === undefined ? '' : ` (at character ${position})`}`;
}

/** body-parser's errors (http-errors): an exposable client error with its status. */
function statusOfHttpError(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
