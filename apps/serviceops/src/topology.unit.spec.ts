import { envOf, PARTS, partsOf } from './topology';

describe('SERVICES: which parts run in this process', () => {
  it('runs every part when unset, empty or `all`, backing services before the gateway', () => {
    for (const value of [undefined, '', ' , ', 'all', 'customers,all']) expect(partsOf(value)).toEqual(PARTS);
    expect(PARTS.at(-1)).toBe('gateway');
  });

  it('runs the parts named, in start order whatever order they are named in', () => {
    expect(partsOf(' gateway, customers ,tenancy')).toEqual(['tenancy', 'customers', 'gateway']);
    expect(partsOf('orders')).toEqual(['orders']);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => partsOf('customers,billing')).toThrow(
      `SERVICES names billing: known are ${PARTS.join(', ')} (or all)`,
    );
  });
});

describe('a service’s environment in a shared process', () => {
  it('gives each service its own prefixed variables over the shared ones, but never another’s gRPC address', () => {
    const env = {
      DATABASE_URL: 'postgres://shared',
      GRPC_PORT: '1',
      CUSTOMERS_GRPC_PORT: '50052',
      CUSTOMERS_GRPC_URL: '127.0.0.1:50052',
      TENANCY_GRPC_PORT: '50051',
    };
    const customers = envOf('customers', env);
    expect(customers).toMatchObject({ DATABASE_URL: 'postgres://shared', GRPC_PORT: '50052' });
    expect(customers).not.toHaveProperty('GRPC_URL');
    expect(envOf('tenancy', env)['GRPC_PORT']).toBe('50051');
    expect(envOf('orders', env)['GRPC_PORT']).toBe('1');
  });
});
