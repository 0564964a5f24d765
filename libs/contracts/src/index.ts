export * from './config-spec';
export * from './service-config';
export * from './grpc';
export * from './events/customers.events';
export * from './tenancy.vocabulary';
export * from './fields';
export * from './api';
export * from './internal-token';
