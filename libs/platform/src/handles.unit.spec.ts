import { Metadata } from '@grpc/grpc-js';
import { declarationOf } from '@serviceops/contracts';
import { isUuid, type Caller } from '@serviceops/kernel';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { CallContext } from './command';
import { ProblemError } from './errors';
import { newInternalKeyPair } from '@serviceops/testing';
import { installCallVerifier, internalCallMetadata, internalUserOf } from './grpc';
import {
  internalPrivateKeyOf,
  internalPublicKeyOf,
  InternalTokenSigner,
  InternalTokenVerifier,
} from './internal-token';
import {
  grpcControllerOf,
  handledBy,
  handlerTable,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  requestOf,
} from './handles';
import { handlerOf } from '../test/handler-of';

const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const caller: CallContext = { tenantId: ID, actorId: ID, roles: ['admin'], correlationId: 'c' };

class Stats {
  @Handles('analytics.GetCustomerStats')
  stats(request: object, call: CallContext | undefined) {
    return Promise.resolve({ request, call, self: this });
  }
}

class Audit {
  @Handles('analytics.ListAudit')
  audit(request: object) {
    return Promise.resolve({ request });
  }
}

describe('Handles: one handler per declared method', () => {
  it('maps every declared method of the service to its provider and method', () => {
    const table = handlerTable('analytics', [Stats, Audit]);
    expect([...table]).toEqual([
      ['GetCustomerStats', { provider: 0, property: 'stats' }],
      ['ListAudit', { provider: 1, property: 'audit' }],
    ]);
  });

  it('refuses a declared method without a handler', () => {
    expect(() => handlerTable('analytics', [Stats])).toThrow('analytics: no handler for ListAudit');
  });

  it('refuses two handlers for one method', () => {
    class Again {
      @Handles('analytics.ListAudit')
      audit() {
        return Promise.resolve({});
      }
    }
    expect(() => handlerTable('analytics', [Stats, Audit, Again])).toThrow(
      'analytics.ListAudit has two handlers',
    );
  });

  it('refuses a handler for another service’s method', () => {
    class Stray {
      @Handles('customers.GetCustomer')
      get() {
        return Promise.resolve({});
      }
    }
    expect(() => handlerTable('analytics', [Stats, Audit, Stray])).toThrow(
      'Stray.get handles customers.GetCustomer, not a analytics method',
    );
  });
});

describe('requestOf: the path’s UUIDs checked as the route declares them', () => {
  const getCustomer = declarationOf('customers.GetCustomer');

  it('lower-cases a path UUID and keeps the other fields', () => {
    expect(requestOf(getCustomer, { id: ID.toUpperCase(), asOf: 'x' })).toEqual({ id: ID, asOf: 'x' });
  });

  it.each([undefined, '', 'not-a-uuid', `${ID}0`])('answers NOT_FOUND for the path id %p', (id) => {
    expect(() => requestOf(getCustomer, { id })).toThrow(ProblemError);
    expect(() => requestOf(getCustomer, { id })).toThrow('no such record');
  });

  it('leaves a request whose route has no path UUIDs untouched', () => {
    const request = { id: 'anything' };
    expect(requestOf(declarationOf('analytics.ListAudit'), request)).toBe(request);
  });
});

describe('grpcControllerOf: the derived controller', () => {
  const keys = newInternalKeyPair();
  const signer = new InternalTokenSigner(internalPrivateKeyOf(keys.privateKey), 60);
  const signed = (call: CallContext) =>
    internalCallMetadata(signer.sign('analytics', internalUserOf(call)), call);
  beforeAll(() =>
    installCallVerifier(new InternalTokenVerifier('analytics', [internalPublicKeyOf(keys.publicKey)])),
  );
  afterAll(() => installCallVerifier(undefined));

  const Controller = grpcControllerOf('analytics', [Stats, Audit]);
  const stats = new Stats();
  const controller = new Controller(stats, new Audit()) as unknown as Record<
    string,
    (request: object, md: Metadata) => Promise<{ request: object; call?: CallContext; self?: unknown }>
  >;

  it('serves each declared method under the proto’s service name', () => {
    const pattern = Reflect.getMetadata(
      PATTERN_METADATA,
      controller['GetCustomerStats'] as object,
    ) as unknown;
    expect(JSON.stringify(pattern)).toContain('"service":"Analytics","rpc":"GetCustomerStats"');
  });

  it('calls the handler on its instance with the request and the caller from the metadata', async () => {
    const answer = await controller['GetCustomerStats']?.({ from: 'a' }, signed(caller));
    expect(answer).toEqual({ request: { from: 'a' }, call: caller, self: stats });
  });

  it('refuses a call that carries no token', () => {
    expect(() => controller['GetCustomerStats']?.({}, new Metadata())).toThrow(
      'the call carries no internal token',
    );
  });
});

describe('handlesUseCases: a use case that is its whole declared method needs no method of its own', () => {
  it('binds each use case with `handles` to its rpc, its request made its command', async () => {
    class Writes {
      handled: unknown[] = [];
      apply(command: object, request: object, call: CallContext) {
        this.handled.push({ command, request, call });
        return Promise.resolve({ done: true });
      }
    }
    handlesUseCases(
      Writes,
      [
        {
          command: 'Count',
          handles: {
            rpc: 'analytics.GetCustomerStats',
            command: (request: { id: string }) => ({ type: 'Count', data: { at: request.id } }),
          },
        },
        { command: 'Internal' },
      ],
      function (command, request, call) {
        return this.apply(command, request, call);
      },
    );
    expect(handlerTable('analytics', [Writes, Audit])).toEqual(
      new Map([
        ['GetCustomerStats', { provider: 0, property: 'handleCount' }],
        ['ListAudit', { provider: 1, property: 'audit' }],
      ]),
    );
    const writes = new Writes();
    const handle = (writes as unknown as Record<string, (r: object, c: CallContext) => Promise<unknown>>)[
      'handleCount'
    ];
    await expect(handle?.call(writes, { id: ID }, caller)).resolves.toEqual({ done: true });
    expect(writes.handled).toEqual([
      { command: { type: 'Count', data: { at: ID } }, request: { id: ID }, call: caller },
    ]);
  });

  it('gives the mapping the caller, so a command can record who gave it', async () => {
    class Decisions {
      handled: unknown[] = [];
    }
    handlesUseCases(
      Decisions,
      [
        {
          command: 'Decide',
          handles: {
            rpc: 'analytics.GetCustomerStats',
            command: (request: { id: string }, { actorId }: Caller) => ({
              type: 'Decide',
              data: { id: request.id, decidedBy: actorId },
            }),
          },
        },
      ],
      function (command) {
        this.handled.push(command);
        return Promise.resolve({});
      },
    );
    const decisions = new Decisions();
    const handle = (decisions as unknown as Record<string, (r: object, c: CallContext) => Promise<unknown>>)[
      'handleDecide'
    ];
    await handle?.call(decisions, { id: 'x' }, { ...caller, actorId: 'the-manager' });
    expect(decisions.handled).toEqual([{ type: 'Decide', data: { id: 'x', decidedBy: 'the-manager' } }]);
  });
});

describe('HandlesUseCase: a method that does more still takes its command from the use case', () => {
  const registering = {
    command: 'Register',
    handles: {
      rpc: 'analytics.GetCustomerStats',
      command: (request: { name?: string }, { newId, actorId }: Caller) => ({
        type: 'Register' as const,
        data: { id: newId, name: request.name ?? '', by: actorId },
      }),
    },
  };

  class Registrations {
    seen: unknown[] = [];
    @HandlesUseCase(registering)
    register(
      command: { type: 'Register'; data: { id: string; name: string; by: string } },
      request: object,
      call: CallContext,
    ) {
      this.seen.push({ command, request, call });
      return Promise.resolve({ id: command.data.id });
    }
  }

  it('serves the use case’s rpc with a method made beside the one written, which keeps its signature', async () => {
    expect(handlerTable('analytics', [Registrations, Audit]).get('GetCustomerStats')).toEqual({
      provider: 0,
      property: 'serveRegister',
    });
    const registrations = new Registrations();
    const served = await handlerOf(registrations, 'analytics.GetCustomerStats')({ name: 'Li' }, caller);
    const [seen] = registrations.seen as { command: { data: { id: string } } }[];
    expect(seen).toEqual({
      command: {
        type: 'Register',
        data: { id: expect.any(String) as string, name: 'Li', by: caller.actorId },
      },
      request: { name: 'Li' },
      call: caller,
    });
    expect(isUuid(seen?.command.data.id ?? '')).toBe(true);
    expect(served).toEqual({ id: seen?.command.data.id });
  });

  it('gives each call a fresh id', async () => {
    const registrations = new Registrations();
    const serve = handlerOf(registrations, 'analytics.GetCustomerStats');
    await serve({}, caller);
    await serve({}, caller);
    const [a, b] = registrations.seen as { command: { data: { id: string } } }[];
    expect(a?.command.data.id).not.toEqual(b?.command.data.id);
  });

  it('leaves a use case bound to a method to that method, not the generic handler', () => {
    class Mixed {
      @HandlesUseCase(registering)
      register() {
        return Promise.resolve({});
      }
    }
    handlesUseCases(Mixed, [registering], () => Promise.resolve({ generic: true }));
    expect(handledBy(Mixed)).toEqual([{ rpc: 'analytics.GetCustomerStats', property: 'serveRegister' }]);
  });

  it('refuses a use case that names no request it serves', () => {
    expect(() => HandlesUseCase({ command: 'Internal' })).toThrow(
      'Internal has no `handles`: nothing says which request it serves',
    );
  });
});

describe('handlerTable: a method written for a use case wins over the generic binding, on any class', () => {
  const counting = {
    command: 'Count',
    handles: {
      rpc: 'analytics.GetCustomerStats',
      command: (request: { id?: string }) => ({ type: 'Count' as const, data: { id: request.id ?? '' } }),
    },
  };

  it('serves the rpc with the written method, whichever class comes first', () => {
    class Generic {}
    handlesUseCases(Generic, [counting], () => Promise.resolve({ generic: true }));
    class Written {
      @HandlesUseCase(counting)
      count() {
        return Promise.resolve({ written: true });
      }
    }
    for (const providers of [
      [Generic, Written, Audit],
      [Written, Generic, Audit],
    ])
      expect(handlerTable('analytics', providers).get('GetCustomerStats')).toEqual({
        provider: providers.indexOf(Written),
        property: 'serveCount',
      });
  });

  it('still refuses two written methods for one rpc, and two generic bindings', () => {
    class One {
      @HandlesUseCase(counting)
      count() {
        return Promise.resolve({});
      }
    }
    class Other {
      @Handles('analytics.GetCustomerStats')
      stats() {
        return Promise.resolve({});
      }
    }
    expect(() => handlerTable('analytics', [One, Other, Audit])).toThrow(
      'analytics.GetCustomerStats has two handlers',
    );
    class GenericA {}
    class GenericB {}
    handlesUseCases(GenericA, [counting], () => Promise.resolve({}));
    handlesUseCases(GenericB, [counting], () => Promise.resolve({}));
    expect(() => handlerTable('analytics', [GenericA, GenericB, Audit])).toThrow(
      'analytics.GetCustomerStats has two handlers',
    );
  });
});

describe('a mapping that refuses its request', () => {
  it('answers a rejected promise, as a handler’s refusal is, on both bindings', async () => {
    const refusing = {
      command: 'Refuse',
      handles: {
        rpc: 'analytics.GetCustomerStats',
        command: (): never => {
          throw new ProblemError('VALIDATION', 'refused by the mapping');
        },
      },
    };
    class Generic {}
    handlesUseCases(Generic, [refusing], () => Promise.resolve({}));
    class Written {
      @HandlesUseCase(refusing)
      refuse() {
        return Promise.resolve({});
      }
    }
    for (const target of [new Generic(), new Written()]) {
      const served = handlerOf(target, 'analytics.GetCustomerStats')({}, caller);
      await expect(served).rejects.toThrow('refused by the mapping');
    }
  });
});
