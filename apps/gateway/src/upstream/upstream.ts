import {
  credentials,
  makeGenericClientConstructor,
  type Client,
  type Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import type { GrpcServiceName } from '@serviceops/contracts';
import {
  internalCallMetadata,
  internalUserOf,
  problemOfGrpcError,
  type CallContext,
  type InternalTokenSigner,
  type LocalServices,
} from '@serviceops/platform';
import { ProblemResponse } from '../errors/problems';
import { plainMessage, serviceDefinitionOf, SERVICE_NAMES } from './protos';
import { splitRpc, type Rpc } from '@serviceops/contracts';

export type UpstreamAddresses = Readonly<Record<GrpcServiceName, string>>;

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, reply?: unknown) => void,
) => unknown;

export const DEFAULT_DEADLINE_MS = 10_000;

/**
 * The backing services: those running in this process called in it (`LocalServices`), the others over gRPC, one
 * channel each, every call with a token signed for that service alone, naming the caller (or, for
 * Tenancy.Authenticate, no one: the gateway itself). Every call has a deadline; either way it answers, and fails,
 * alike.
 */
export class Upstream {
  private readonly clients: ReadonlyMap<GrpcServiceName, Client>;

  constructor(
    addresses: UpstreamAddresses,
    private readonly signer: InternalTokenSigner,
    private readonly deadlineMs = DEFAULT_DEADLINE_MS,
    private readonly local?: LocalServices,
  ) {
    this.clients = new Map(
      SERVICE_NAMES.filter((name) => !local?.has(name)).map((name) => {
        const Constructor = makeGenericClientConstructor(serviceDefinitionOf(name), name);
        return [name, new Constructor(addresses[name], credentials.createInsecure())];
      }),
    );
  }

  /** Calls a method as it is: the reply decoded, or the gRPC error untouched (the public gRPC API forwards it). */
  invoke(
    service: GrpcServiceName,
    method: string,
    request: unknown,
    caller: CallContext | undefined,
  ): Promise<unknown> {
    if (this.local?.has(service))
      return this.local.invoke(service, method, request, caller, new Date(Date.now() + this.deadlineMs));
    const client = this.clients.get(service);
    const unary = (client as unknown as Record<string, UnaryMethod | undefined> | undefined)?.[method];
    if (!client || typeof unary !== 'function')
      return Promise.reject(new Error(`no method ${service}.${method} upstream`));
    const token = this.signer.sign(service, caller ? internalUserOf(caller) : undefined);
    const metadata = internalCallMetadata(token, caller);
    return new Promise((resolve, reject) => {
      unary.call(
        client,
        request,
        metadata,
        { deadline: new Date(Date.now() + this.deadlineMs) },
        (error, reply) => (error ? reject(error) : resolve(reply)),
      );
    });
  }

  /**
   * Calls on behalf of `caller` (none for Tenancy.Authenticate). A failure becomes the problem the service
   * answered with, or a 503 when it could not be reached.
   */
  async call<T>(rpc: Rpc, request: object, caller: CallContext | undefined): Promise<T> {
    const { service, method } = splitRpc(rpc);
    try {
      const reply = await this.invoke(service, method, request, caller);
      return plainMessage(reply) as T;
    } catch (error) {
      throw new ProblemResponse(problemOfGrpcError(error));
    }
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}
