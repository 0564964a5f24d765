/**
 * A business rule refused a command. `code` is stable ('ORDER.NOT_DISPATCHABLE') and is mapped
 * to an HTTP/gRPC status once, at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
