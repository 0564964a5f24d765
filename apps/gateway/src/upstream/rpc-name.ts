import type { GrpcServiceName } from '@serviceops/contracts';

/**
 * A method of a backing service, as 'service.Method' ('customers.RegisterCustomer'). Which methods exist and who
 * may call them is the access table's business (access/access.table.ts narrows this to its keys); upstream only
 * needs to know where to send a call.
 */
export type RpcName = `${GrpcServiceName}.${string}`;

export function splitRpc(rpc: RpcName): { service: GrpcServiceName; method: string } {
  const [service, method] = rpc.split('.') as [GrpcServiceName, string];
  return { service, method };
}
