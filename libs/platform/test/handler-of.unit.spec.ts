import type { INestApplicationContext, Type } from '@nestjs/common';
import type { Command } from '@serviceops/kernel';
import { Handles, handlesUseCases, type CallContext } from '../src';
import { handlerOf } from './handler-of';

const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const call: CallContext = { tenantId: ID, actorId: ID, roles: ['admin'], correlationId: 'c' };

class Stats {
  @Handles('analytics.GetCustomerStats')
  stats(request: object, given: CallContext) {
    return Promise.resolve({ request, given, self: this });
  }
}

/** A class whose method is bound to a use case (`handles`): it has no name a spec could call it by. */
class Audit {
  act(command: Command, given: CallContext) {
    return Promise.resolve({ command, given, self: this });
  }
}
handlesUseCases(
  Audit,
  [
    {
      command: 'ListAudit',
      handles: {
        rpc: 'analytics.ListAudit',
        command: (request: { limit?: number }, caller: { actorId: string }) => ({
          type: 'ListAudit',
          data: { limit: request.limit, by: caller.actorId },
        }),
      },
    },
  ],
  function (command, _request, given) {
    return this.act(command, given);
  },
);

describe('handlerOf: a declared method as the gRPC controller calls it', () => {
  it('calls the @Handles method on its instance, with the request and the caller', async () => {
    const stats = new Stats();
    const answer = await handlerOf(stats, 'analytics.GetCustomerStats')({ customerId: ID }, call);
    expect(answer).toEqual({ request: { customerId: ID }, given: call, self: stats });
  });

  it('calls the method a use case is bound to, its request mapped with the caller', async () => {
    const audit = new Audit();
    const answer = await handlerOf(audit, 'analytics.ListAudit')({ limit: 3 }, call);
    expect(answer).toEqual({
      command: { type: 'ListAudit', data: { limit: 3, by: ID } },
      given: call,
      self: audit,
    });
  });

  it('finds the instance serving the method in a booted service through its handler table', async () => {
    const instances = new Map<Type, object>([
      [Stats, new Stats()],
      [Audit, new Audit()],
    ]);
    const app = { get: (type: Type) => instances.get(type) } as unknown as INestApplicationContext;
    const service = { handlers: [Stats, Audit] };
    const answer = await handlerOf(app, 'analytics.ListAudit', service)({}, call);
    expect(answer).toMatchObject({ self: instances.get(Audit) });
    expect(await handlerOf(app, 'analytics.GetCustomerStats', service)({}, call)).toMatchObject({
      self: instances.get(Stats),
    });
  });

  it('refuses an instance that does not serve the method', () => {
    expect(() => handlerOf(new Stats(), 'analytics.ListAudit')).toThrow(
      'Stats does not handle analytics.ListAudit',
    );
  });

  it('refuses a service whose handlers leave a declared method unserved', () => {
    const app = { get: () => new Stats() } as unknown as INestApplicationContext;
    expect(() => handlerOf(app, 'analytics.GetCustomerStats', { handlers: [Stats] })).toThrow(
      'analytics: no handler for ListAudit',
    );
  });
});
