import type { GrpcServiceName } from '../grpc';
import { ANALYTICS_API } from './analytics.api';
import { CUSTOMERS_API } from './customers.api';
import type { Declaration } from './declaration';
import { TENANCY_API } from './tenancy.api';
import { STAFF_API } from './staff.api';
import { CONTRACTS_API } from './contracts.api';
import { ORDERS_API } from './orders.api';

export * from './access';
export * from './declaration';

/** Every method of every service's published API, by service (a test keeps it equal to the protos). */
export const API = {
  tenancy: TENANCY_API,
  customers: CUSTOMERS_API,
  analytics: ANALYTICS_API,
  staff: STAFF_API,
  contracts: CONTRACTS_API,
  orders: ORDERS_API,
} as const satisfies Record<GrpcServiceName, Record<string, Declaration>>;

export type ApiMethod<S extends GrpcServiceName> = keyof (typeof API)[S] & string;
/** 'customers.RegisterCustomer' */
export type Rpc = { [S in GrpcServiceName]: `${S}.${ApiMethod<S>}` }[GrpcServiceName];

export function splitRpc(rpc: Rpc): { service: GrpcServiceName; method: string } {
  const [service, method] = rpc.split('.') as [GrpcServiceName, string];
  return { service, method };
}

export function declarationOf(rpc: Rpc): Declaration {
  const { service, method } = splitRpc(rpc);
  return (API[service] as Readonly<Record<string, Declaration>>)[method] as Declaration;
}

/** Every declaration with its rpc name, for mounting and for tests. */
export function allDeclarations(): { rpc: Rpc; declaration: Declaration }[] {
  return (Object.keys(API) as GrpcServiceName[]).flatMap((service) =>
    Object.entries(API[service] as Readonly<Record<string, Declaration>>).map(([method, declaration]) => ({
      rpc: `${service}.${method}` as Rpc,
      declaration,
    })),
  );
}
