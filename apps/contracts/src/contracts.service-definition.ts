import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, contractsConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import {
  DurableTimers,
  durableTimersProviders,
  EventSourcingRuntime,
  PersonalDataCipher,
  TenantZones1764900000001,
  type ServiceDefinition,
} from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { ContractQueries } from './application/contract-queries';
import {
  CONTRACT_END_TIMER,
  ContractStore,
  EXPIRY_NOTICE_TIMER,
  PROPOSAL_VALIDITY_TIMER,
  TENANT_ZONES,
} from './application/contract-store';
import { ContractTemplateHandlers } from './application/contract-template.handlers';
import { ContractHandlers } from './application/contract.handlers';
import { ProposalHandlers } from './application/proposal.handlers';
import { ProposalQueries } from './application/proposal-queries';
import {
  ContractDataKeys1764800000001,
  ContractList1764800000000,
  ContractListRow,
  ProposalList1765000000000,
  ProposalListRow,
  RenewalFollowUpRow,
  RenewalFollowUps1765000000001,
} from './infrastructure/read-models';
import { CONTRACT_LIST_CONSUMER, contractListProjection } from './projections/contract-list.projection';
import { PROPOSAL_LIST_CONSUMER, proposalListProjection } from './projections/proposal-list.projection';
import {
  RENEWAL_FOLLOW_UPS_CONSUMER,
  renewalFollowUpsProjection,
} from './projections/renewal-follow-ups.projection';
import {
  CUSTOMER_ERASURE_TYPES,
  CUSTOMER_ERASURES_CONSUMER,
  forgetErasedCustomers,
} from './projections/customer-erasures.process';
import { FULFILMENT_CONSUMER, fulfilmentProjection } from './projections/fulfilment.projection';
import { ContractFulfilment1764900000000 } from './infrastructure/fulfilment.repository';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/contracts.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [
  ContractHandlers,
  ContractQueries,
  ContractTemplateHandlers,
  ProposalHandlers,
  ProposalQueries,
];

/** The contracts service. */
export const contractsService: ServiceDefinition<typeof contractsConfigSpec> = {
  name: 'contracts',
  configSpec: contractsConfigSpec,
  grpc: {
    package: GRPC_SERVICES.contracts.package,
    protoPath: GRPC_SERVICES.contracts.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [ContractListRow, ProposalListRow, RenewalFollowUpRow],
    migrations: [
      ContractList1764800000000,
      ContractDataKeys1764800000001,
      ContractFulfilment1764900000000,
      TenantZones1764900000001,
      ProposalList1765000000000,
      RenewalFollowUps1765000000001,
    ],
  },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, dataSource, pool, config, logger, metrics }) => ({
    module: class ContractsModule {},
    providers: [
      { provide: EventSourcingRuntime, useValue: runtime },
      { provide: DataSource, useValue: dataSource },
      ...durableTimersProviders({ pool, logger, metrics }, 'contracts'),
      { provide: PersonalDataCipher, useValue: new PersonalDataCipher(pool, config.MASTER_KEY, 'contracts') },
      ContractStore,
    ],
  }),
  onStart: async ({ runtime, dataSource }, app) => {
    const timers = app.get(DurableTimers);
    const contracts = app.get(ContractHandlers);
    const proposals = app.get(ProposalHandlers);
    await timers.migrate();
    // The read models of the service's own streams, each under a consumer (and checkpoint) of its own.
    for (const [consumer, projection] of [
      [CONTRACT_LIST_CONSUMER, contractListProjection],
      [PROPOSAL_LIST_CONSUMER, proposalListProjection],
      [RENEWAL_FOLLOW_UPS_CONSUMER, renewalFollowUpsProjection],
    ] as const)
      await runtime.subscribe(consumer, [eventsTopic('contracts')], projection(dataSource));
    await runtime.subscribe(
      CUSTOMER_ERASURES_CONSUMER,
      [eventsTopic('customers')],
      forgetErasedCustomers(app.get(PersonalDataCipher)),
      { types: CUSTOMER_ERASURE_TYPES },
    );
    await runtime.subscribe(TENANT_ZONES.consumer, [eventsTopic('tenancy')], TENANT_ZONES.project);
    await runtime.subscribe(
      FULFILMENT_CONSUMER,
      [eventsTopic('orders'), eventsTopic('billing')],
      fulfilmentProjection,
    );
    timers.start({
      [EXPIRY_NOTICE_TIMER]: (timer) => contracts.notice(timer),
      [CONTRACT_END_TIMER]: (timer) => contracts.end(timer),
      [PROPOSAL_VALIDITY_TIMER]: (timer) => proposals.expire(timer),
    });
  },
};
