import {
  allDeclarations,
  ANY_ROLE,
  API,
  declarationOf,
  PUBLIC,
  splitRpc,
  type Access,
  type Declaration,
  type GrpcServiceName,
  type Rpc,
} from '@serviceops/contracts';

export { ANY_ROLE, PUBLIC, splitRpc, type Access, type Rpc };

/**
 * Who may call what, derived from the declarations (libs/contracts api/): one rule per RPC for the REST routes
 * and the public gRPC API alike, so the two cannot drift apart. A method missing here is refused on both.
 */
export const RPC_ACCESS = Object.fromEntries(
  (Object.keys(API) as GrpcServiceName[]).map((service) => [
    service,
    Object.fromEntries(
      Object.entries(API[service] as Readonly<Record<string, Declaration>>).map(([method, d]) => [
        method,
        d.access,
      ]),
    ),
  ]),
) as Readonly<Record<GrpcServiceName, Readonly<Record<string, Access>>>>;

/** Every RPC that has a declaration. */
export const RPCS: readonly Rpc[] = allDeclarations().map((d) => d.rpc);

export function accessOf(rpc: Rpc): Access {
  return declarationOf(rpc).access;
}

/** The rule of a method named at run time (the public gRPC API); undefined when the table lacks it. */
export function accessOfMethod(service: GrpcServiceName, method: string): Access | undefined {
  const rules = RPC_ACCESS[service];
  return Object.hasOwn(rules, method) ? rules[method] : undefined;
}

/** Whether a caller holding `roles` passes the rule (PUBLIC needs no caller at all). */
export function allows(access: Access, roles: readonly string[]): boolean {
  if (access === PUBLIC || access === ANY_ROLE) return true;
  return access.some((role) => roles.includes(role));
}
