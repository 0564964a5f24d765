import * as path from 'node:path';
import type { Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { actionSegmentOf, eventOf, namesOf, pastTense, plural, singular, summaryOf } from '../lib/names';
import { commandGenerator } from './command/generator';
import { serviceGenerator } from './service/generator';

// The generators' rules on names, checked on the real repository read from disk with every write kept in memory
// (nothing is written). tools/src/generators/generators.int.spec.ts generates into a copy and builds, lints,
// tests and starts the result.

// devkit's formatFiles imports Prettier dynamically, which Jest's module system cannot: it would warn and leave the
// files as they are. Layout is the int spec's business (it runs Prettier --check on what the generators wrote).
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual<typeof import('@nx/devkit')>('@nx/devkit'),
  formatFiles: () => Promise.resolve(),
}));

const ROOT = path.resolve(__dirname, '../../..');
const repository = (): Tree => new FsTree(ROOT, false);
const order = namesOf(['order']);

describe('the English the generators guess', () => {
  it.each([
    ['PlaceOrder', 'OrderPlaced'],
    ['ConfirmOrder', 'OrderConfirmed'],
    ['ChangeOrderAddress', 'OrderAddressChanged'],
    ['CancelOrder', 'OrderCancelled'],
    ['PayOrder', 'OrderPaid'],
    ['VerifyOrder', 'OrderVerified'],
    ['Confirm', 'OrderConfirmed'],
  ])('names the event of %s %s', (command, event) => {
    expect(eventOf(command, order)).toBe(event);
  });

  it.each([
    ['ConfirmOrder', 'order', 'confirm'],
    ['ChangeOrderAddress', 'order', 'change-address'],
    ['MergeCustomers', 'customer', 'merge'],
    ['UndoCustomerMerge', 'customer', 'undo-merge'],
    ['RecordReturnVisit', 'return-visit', 'record'],
    ['Approve', 'order', 'approve'],
  ])('routes %s on an existing %s to …/:id/%s', (command, aggregate, segment) => {
    expect(actionSegmentOf(command, namesOf(aggregate.split('-')))).toBe(segment);
  });

  it.each([
    ['order', 'orders'],
    ['inquiry', 'inquiries'],
    ['address', 'addresses'],
    ['status', 'statuses'],
    ['day', 'days'],
  ])('makes %s plural: %s', (word, many) => {
    expect(plural(word)).toBe(many);
    expect(singular(many)).toBe(word);
  });

  it('keeps a word that is no plural', () => {
    expect(singular('billing')).toBe('billing');
    expect(singular('analysis')).toBe('analysis');
  });

  it('puts verbs in the past tense', () => {
    expect(['Place', 'Cancel', 'Verify', 'Send', 'Open', 'Submit', 'Flag', 'Read'].map(pastTense)).toEqual([
      'Placed',
      'Cancelled',
      'Verified',
      'Sent',
      'Opened',
      'Submitted',
      'Flagged',
      'Read',
    ]);
  });

  it('summarises a command in its words', () => {
    expect(summaryOf('ChangeOrderAddress')).toBe('Change order address');
  });
});

describe('nx g @serviceops/tools:service', () => {
  it.each([
    ['work-parcels', /one lower-case word/],
    ['Parcels', /one lower-case word/],
    ['o', /one lower-case word/],
    ['gateway', /reserved/],
    ['customers', /exists already/],
  ])('refuses the name %s', async (name, why) => {
    await expect(serviceGenerator(repository(), { name })).rejects.toThrow(why);
  });

  it('gives a new service the next free ports and a place in every registry', async () => {
    const tree = repository();
    // The ports taken today, read from the backends' own GRPC_PORT / HTTP_PORT lines (the gateway's are 50050 / 3000).
    const taken = (variable: string) =>
      [
        ...(tree.read('libs/contracts/src/service-config.ts', 'utf-8') ?? '').matchAll(
          new RegExp(`\\b${variable}: \\{\\s*kind: 'int',\\s*default: (\\d+)`, 'g'),
        ),
      ].map((match) => Number(match[1]));
    const grpcPort = Math.max(...taken('GRPC_PORT')) + 1;
    const httpPort = Math.max(...taken('HTTP_PORT').filter((port) => port !== 3000)) + 1;
    await serviceGenerator(tree, { name: 'parcels', description: 'parcels taken and their delivery' });
    const config = tree.read('libs/contracts/src/service-config.ts', 'utf-8') ?? '';
    expect(config).toMatch(/export const parcelsConfigSpec = defineConfig\(\{\s*\.\.\.serviceConfigSpec/);
    expect(config).toContain(`PARCELS_GRPC_URL: { kind: 'string', default: '127.0.0.1:${grpcPort}'`);
    expect(config).toMatch(/name: 'parcels', configSpec: parcelsConfigSpec \},\s*\{ name: 'gateway'/);
    expect(tree.read('libs/contracts/proto/parcels.proto', 'utf-8')).toContain(
      '// Parcels taken and their delivery.\npackage serviceops.parcels.v1;',
    );
    expect(tree.read('docker-compose.yml', 'utf-8')).toContain(`PARCELS_GRPC_URL: parcels:${grpcPort}`);
    expect(tree.read('k8s/base/kustomization.yaml', 'utf-8')).toContain(`- HTTP_PORT=${httpPort}`);
  });
});

describe('nx g @serviceops/tools:command', () => {
  /** The repository with a service `parcels` whose first command is PlaceParcel. */
  async function withParcels(): Promise<Tree> {
    const tree = repository();
    await serviceGenerator(tree, { name: 'parcels' });
    await commandGenerator(tree, { service: 'parcels', name: 'PlaceParcel' });
    return tree;
  }

  it('refuses a service that does not exist', async () => {
    await expect(commandGenerator(repository(), { service: 'nope', name: 'DoIt' })).rejects.toThrow(
      'no service "nope"',
    );
  });

  it.each(['confirmParcel', 'CONFIRMParcel', 'Confirm_Parcel'])('refuses the name %s', async (name) => {
    await expect(commandGenerator(repository(), { service: 'customers', name })).rejects.toThrow(
      /not a command name/,
    );
  });

  it('refuses a command the service declares already', async () => {
    const tree = await withParcels();
    await expect(commandGenerator(tree, { service: 'parcels', name: 'PlaceParcel' })).rejects.toThrow(
      'parcels.PlaceParcel is declared already',
    );
  });

  it('refuses an event the aggregate records already', async () => {
    const tree = await withParcels();
    await expect(
      commandGenerator(tree, { service: 'parcels', name: 'ReplaceParcel', event: 'ParcelPlaced' }),
    ).rejects.toThrow(/has ParcelPlaced already/);
  });

  it('refuses access that is no role list of access.ts, and PUBLIC', async () => {
    const tree = await withParcels();
    await expect(
      commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', access: 'NOBODY' }),
    ).rejects.toThrow(/exports no NOBODY/);
    await expect(
      commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', access: 'PUBLIC' }),
    ).rejects.toThrow(/PUBLIC is for signing in only/);
  });

  it('refuses a REST route declared already', async () => {
    const tree = await withParcels();
    await expect(
      commandGenerator(tree, {
        service: 'parcels',
        name: 'OpenProvision',
        aggregate: 'provision',
        resource: 'tenants',
      }),
    ).rejects.toThrow('POST /tenants is declared already (libs/contracts/src/api/tenancy.api.ts)');
  });

  it('refuses an aggregate whose REST resource another service has', async () => {
    const tree = await withParcels();
    await expect(
      commandGenerator(tree, { service: 'parcels', name: 'RegisterCustomer', aggregate: 'customer' }),
    ).rejects.toThrow(/has CustomerRoutes already/);
  });

  it('asks which aggregate once a service has several', async () => {
    const tree = await withParcels();
    await commandGenerator(tree, { service: 'parcels', name: 'OpenInvoice', aggregate: 'invoice' });
    await expect(commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel' })).rejects.toThrow(
      /several aggregates \(invoice, parcel\)/,
    );
  });

  it('routes a command on an existing record to …/:id/<action>, conditional on If-Match', async () => {
    const tree = await withParcels();
    await commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', access: 'CUSTOMER_WRITERS' });
    const api = tree.read('libs/contracts/src/api/parcels.api.ts', 'utf-8') ?? '';
    expect(api).toContain("path: 'parcels/:id/confirm'");
    expect(api).toContain('ifMatch: true');
    expect(api).toContain("import { ADMIN, CUSTOMER_WRITERS } from './access';");
  });

  describe('--fields', () => {
    const read = (tree: Tree, file: string) => tree.read(file, 'utf-8') ?? '';

    it('gives a command its fields: REST body with validation, domain data, handler, rule test', async () => {
      const tree = await withParcels();
      const protoBefore = read(tree, 'libs/contracts/proto/parcels.proto');
      const afterwards = await commandGenerator(tree, {
        service: 'parcels',
        name: 'ConfirmParcel',
        fields: 'fee:money,dueOn:date,arrivesAt:instant,count:int,courierId:uuid',
      });
      // The proto is written from the REST body once it is on disk (npm run docs -- proto), not here.
      expect(read(tree, 'libs/contracts/proto/parcels.proto')).toBe(protoBefore);
      expect(afterwards).toEqual(expect.any(Function));
      const dto = read(tree, 'apps/gateway/src/parcels/parcels.dto.ts');
      expect(dto).toContain("@ApiSchema({ name: 'ConfirmParcel' })");
      expect(dto).toMatch(/@Type\(\(\) => MoneyDto\)\s+fee!: MoneyDto;/);
      expect(dto).toMatch(/@Follows\(RULES\.dateOnly\)\s+dueOn!: string;/);
      expect(dto).toMatch(/@Follows\(RULES\.instant\)\s+arrivesAt!: string;/);
      expect(dto).toMatch(/@Max\(2147483647\)\s+count!: number;/);
      expect(dto).toMatch(/@Follows\(RULES\.uuid\)\s+courierId!: string;/);
      expect(dto).toMatch(/@BodyOf\('parcels\.ConfirmParcel'\)\s+export class ConfirmParcelDto/);
      // The route is derived from the body class: the routes file is as the first command left it.
      expect(read(tree, 'apps/gateway/src/parcels/parcels.routes.ts')).toContain(
        "resourceRoutes('parcels', { answer: ParcelView }, bodies)",
      );
      const useCase = read(tree, 'apps/parcels/src/domain/parcel/confirm-parcel.ts');
      expect(useCase).toContain(
        "import { DomainError, useCase, type Command, type Event, type Money } from '@serviceops/kernel';",
      );
      expect(useCase).toContain(
        'readonly fee: Money; readonly dueOn: string; readonly arrivesAt: string; readonly count: number; readonly courierId: string',
      );
      expect(useCase).toContain(
        "fee: { amount: Number(request.fee?.amount ?? 0), currency: request.fee?.currency ?? '' }",
      );
      expect(useCase).toContain('count: request.count ?? 0');
      expect(read(tree, 'apps/parcels/src/domain/parcel/confirm-parcel.unit.spec.ts')).toContain(
        "fee: { amount: 1500, currency: 'CNY' }, dueOn: '2026-03-02'",
      );
    });

    it('adds a command on an existing record in five files: declaration, body, use case, its line, rule test', async () => {
      const tree = await withParcels();
      const before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()]));
      await commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', fields: 'dueOn:date' });
      const touched = tree
        .listChanges()
        .filter((c) => before.get(c.path) !== c.content?.toString())
        .map((c) => c.path)
        .sort();
      expect(touched).toEqual([
        'apps/gateway/src/parcels/parcels.dto.ts',
        'apps/parcels/src/domain/parcel/confirm-parcel.ts',
        'apps/parcels/src/domain/parcel/confirm-parcel.unit.spec.ts',
        'apps/parcels/src/domain/parcel/parcel.decider.ts',
        'libs/contracts/src/api/parcels.api.ts',
      ]);
      expect(read(tree, 'apps/parcels/src/domain/parcel/parcel.decider.ts')).toContain(
        'export const PARCEL_USE_CASES = [placeParcel, confirmParcel] as const;',
      );
      expect(read(tree, 'apps/gateway/src/parcels/parcels.dto.ts')).not.toContain('export {};');
    });

    it('adds one to the customer file, the reference aggregate, with its catalog’s code', async () => {
      const tree = repository();
      const before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()]));
      await commandGenerator(tree, { service: 'customers', name: 'FlagCustomer', aggregate: 'customer' });
      const touched = tree
        .listChanges()
        .filter((c) => before.get(c.path) !== c.content?.toString())
        .map((c) => c.path)
        .sort();
      expect(touched).toEqual([
        'apps/customers/src/domain/customer/customer.decider.ts',
        'apps/customers/src/domain/customer/flag-customer.ts',
        'apps/customers/src/domain/customer/flag-customer.unit.spec.ts',
        'libs/contracts/src/api/customers.api.ts',
      ]);
      expect(read(tree, 'apps/customers/src/domain/customer/flag-customer.ts')).toContain(
        "throw new DomainError(CustomerErrorCode.notFound, 'no such customer')",
      );
      expect(read(tree, 'libs/contracts/src/api/customers.api.ts')).toContain(
        "errors: ['CUSTOMERS.CUSTOMER_NOT_FOUND']",
      );
    });

    // Every aggregate the generator extends, the files it touches and the code its rule refuses with: the id field
    // read from the rule-test kit (ID_FIELD), the gateway resource found by its name or by the paths declared.
    it.each([
      [
        'contracts',
        'contract',
        'contracts',
        'contracts/:id/flag',
        'contracts.dto.ts',
        'CONTRACTS.CONTRACT_NOT_FOUND',
      ],
      [
        'contracts',
        'proposal',
        'contracts',
        'proposals/:id/flag',
        'contracts.dto.ts',
        'CONTRACTS.PROPOSAL_NOT_FOUND',
      ],
      [
        'customers',
        'inquiry',
        'inquiries',
        'inquiries/:id/flag',
        'inquiries.dto.ts',
        'CUSTOMERS.INQUIRY_NOT_FOUND',
      ],
      [
        'customers',
        'return-visit',
        'return-visits',
        'return-visits/:id/flag',
        'return-visits.dto.ts',
        'CUSTOMERS.VISIT_NOT_FOUND',
      ],
      [
        'orders',
        'resource',
        'resources',
        'resources/:id/flag',
        'resources.dto.ts',
        'ORDERS.RESOURCE_NOT_FOUND',
      ],
      ['staff', 'member', 'staff', 'staff/:id/flag', 'staff-people.dto.ts', 'STAFF.STAFF_MEMBER_NOT_FOUND'],
      [
        'staff',
        'training-session',
        'training-sessions',
        'training-sessions/:id/flag',
        'training-sessions.dto.ts',
        'STAFF.TRAINING_SESSION_NOT_FOUND',
      ],
    ])('adds one to %s’s %s, under %s/ at POST %s', async (service, aggregate, gateway, path, dto, code) => {
      const tree = repository();
      const a = namesOf(aggregate.split('-'));
      const name = `Flag${a.pascal}`;
      const domain = `apps/${service}/src/domain/${aggregate}`;
      const before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()]));
      await commandGenerator(tree, { service, name, aggregate, fields: 'flaggedOn:date' });
      const touched = tree
        .listChanges()
        .filter((c) => before.get(c.path) !== c.content?.toString())
        .map((c) => c.path)
        .sort();
      expect(touched).toEqual(
        [
          `${domain}/${aggregate}.decider.ts`,
          `${domain}/flag-${aggregate}.ts`,
          `${domain}/flag-${aggregate}.unit.spec.ts`,
          `apps/gateway/src/${gateway}/${dto}`,
          `libs/contracts/src/api/${service}.api.ts`,
        ].sort(),
      );
      const api = read(tree, `libs/contracts/src/api/${service}.api.ts`);
      expect(api).toContain(`path: '${path}'`);
      expect(api).toContain(`errors: ['${code}']`);
      const kit = read(tree, `${domain}/${aggregate}.testing.ts`);
      const idField = /export const ID_FIELD = '(\w+)'/.exec(kit)?.[1] ?? `${a.camel}Id`;
      expect(read(tree, `${domain}/flag-${aggregate}.ts`)).toContain(`${idField}: request.id`);
      expect(read(tree, `${domain}/flag-${aggregate}.unit.spec.ts`)).toContain(`.thenThrows('${code}')`);
    });

    // The aggregates it refuses, saying why: no REST resource of their own, routes bound by hand, no one record.
    it.each([
      [
        'contracts',
        'contract-template',
        /contract-template\.state\.ts starts no ContractTemplateState at \{ status: 'absent' \}/,
      ],
      ['customers', 'care', /no gateway resource of care/],
      ['orders', 'booking', /no gateway resource of booking/],
      ['orders', 'order', /orders\/orders\.routes\.ts binds its routes by hand/],
      ['orders', 'safety-incident', /no gateway resource of safety-incident/],
      ['orders', 'work-order', /no gateway resource of work-order/],
      // Its folder's use cases (assess-period, change-assessment-policy: two aggregates) declare paths under two
      // prefixes (staff-assessments/, policies/), so no one gateway resource is the aggregate's.
      ['staff', 'assessment', /no gateway resource of assessment/],
      ['staff', 'discipline', /discipline\.state\.ts starts no DisciplineState at/],
      ['staff', 'people-policy', /policies\/policies\.routes\.ts binds its routes by hand/],
      ['staff', 'qualification', /qualification\.state\.ts starts no QualificationsState at/],
      ['staff', 'separation', /separation\.state\.ts starts no SeparationState at/],
      ['tenancy', 'tenant', /no gateway resource of tenant/],
      ['orders', 'package-usage', /package-usage is an aggregate of apps\/orders\/src\/domain\/package\//],
      ['orders', 'chat-session', /chat-session is an aggregate of apps\/orders\/src\/domain\/chat\//],
    ])('refuses %s’s %s, saying why', async (service, aggregate, message) => {
      await expect(
        commandGenerator(repository(), { service, name: 'ProbeSomething', aggregate }),
      ).rejects.toThrow(message);
    });

    it('reads the id field from the kit: without ID_FIELD a staff member’s would be memberId, which its state lacks', async () => {
      const tree = repository();
      tree.delete('apps/staff/src/domain/member/member.testing.ts');
      await expect(
        commandGenerator(tree, { service: 'staff', name: 'NoteStaffMember', aggregate: 'member' }),
      ).rejects.toThrow(/member\.state\.ts names no memberId/);
      tree.write('apps/staff/src/domain/member/member.testing.ts', 'export {};\n');
      await expect(
        commandGenerator(tree, { service: 'staff', name: 'NoteStaffMember', aggregate: 'member' }),
      ).rejects.toThrow(/member\.state\.ts names no memberId/);
      tree.write('apps/staff/src/domain/member/member.testing.ts', "export const ID_FIELD = 'staffId';\n");
      await expect(
        commandGenerator(tree, { service: 'staff', name: 'NoteStaffMember', aggregate: 'member' }),
      ).resolves.toEqual(expect.any(Function));
    });

    it('writes a first command’s REST body file, its integers bounded to the int32 the proto gets', async () => {
      const tree = repository();
      await serviceGenerator(tree, { name: 'parcels' });
      await commandGenerator(tree, { service: 'parcels', name: 'PlaceParcel', fields: 'weight:int' });
      const dto = read(tree, 'apps/gateway/src/parcels/parcels.dto.ts');
      expect(dto).toContain('export class PlaceParcelDto');
      expect(dto).toMatch(/maximum: 2147483647 \}\)[^!]*weight!: number;/);
      expect(read(tree, 'libs/contracts/proto/parcels.proto')).not.toMatch(/\brpc |\bmessage /);
    });

    it('refuses free text, saying to add it by hand since it must be sealed', async () => {
      const tree = await withParcels();
      await expect(
        commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', fields: 'note:text' }),
      ).rejects.toThrow(/note: a text field is added by hand — free text must be sealed/);
    });

    it.each([
      ['weight:float', /"float" is no field kind \(money, date, instant, int, uuid; text by hand\)/],
      ['Weight:int', /is not a field: name:kind/],
      ['weight', /is not a field: name:kind/],
      ['weight:int,weight:date', /weight: a field named twice/],
      ['parcelId:uuid', /parcelId: the command has that field already/],
      ['expectedVersion:int', /expectedVersion: the command has that field already/],
    ])('refuses --fields=%s', async (fields, message) => {
      const tree = await withParcels();
      await expect(
        commandGenerator(tree, { service: 'parcels', name: 'ConfirmParcel', fields }),
      ).rejects.toThrow(message);
    });
  });
});
