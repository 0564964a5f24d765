import * as path from 'node:path';

/** The `.proto` files: one per service, served by the service and again by the gateway. */
export const PROTO_DIR = path.resolve(__dirname, '../proto');

export const GRPC_SERVICES = {
  tenancy: {
    package: 'serviceops.tenancy.v1',
    service: 'Tenancy',
    proto: path.join(PROTO_DIR, 'tenancy.proto'),
  },
  customers: {
    package: 'serviceops.customers.v1',
    service: 'Customers',
    proto: path.join(PROTO_DIR, 'customers.proto'),
  },
  analytics: {
    package: 'serviceops.analytics.v1',
    service: 'Analytics',
    proto: path.join(PROTO_DIR, 'analytics.proto'),
  },
  staff: {
    package: 'serviceops.staff.v1',
    service: 'Staff',
    proto: path.join(PROTO_DIR, 'staff.proto'),
  },
  contracts: {
    package: 'serviceops.contracts.v1',
    service: 'Contracts',
    proto: path.join(PROTO_DIR, 'contracts.proto'),
  },
  orders: {
    package: 'serviceops.orders.v1',
    service: 'Orders',
    proto: path.join(PROTO_DIR, 'orders.proto'),
  },
} as const;
export type GrpcServiceName = keyof typeof GRPC_SERVICES;

/** How every side loads the protos: camelCase fields in JS, int64 as strings, unset optionals absent. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: false,
  arrays: true,
  objects: false,
  oneofs: false,
} as const;
