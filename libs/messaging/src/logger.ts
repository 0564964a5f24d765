/**
 * Where messaging reports what it cannot throw to a caller: loop errors it recovers from, dead letters.
 * Lines carry ids, types and error messages, never event data (which may hold personal data).
 */
export interface MessagingLogger {
  error(message: string, err: unknown, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

function describeError(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}

/** JSON lines on stderr. */
export const stderrLogger: MessagingLogger = {
  error(message, err, fields = {}) {
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'error', component: 'messaging', message, ...fields, error: describeError(err) })}\n`,
    );
  },
  warn(message, fields = {}) {
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'warn', component: 'messaging', message, ...fields })}\n`,
    );
  },
};

/** For tests and callers that collect lines themselves. */
export const silentLogger: MessagingLogger = { error: () => undefined, warn: () => undefined };
