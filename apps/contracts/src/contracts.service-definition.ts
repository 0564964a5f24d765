import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, contractsConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { EventSourcingRuntime, type ServiceDefinition } from '@serviceops/platform';
import { ContractHandlers } from './application/contract.handlers';
import { ContractTemplateHandlers } from './application/contract-template.handlers';
import { ProposalHandlers } from './application/proposal.handlers';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/contracts.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [ContractHandlers, ContractTemplateHandlers, ProposalHandlers];

/** The contracts service. */
export const contractsService: ServiceDefinition<typeof contractsConfigSpec> = {
  name: 'contracts',
  configSpec: contractsConfigSpec,
  grpc: {
    package: GRPC_SERVICES.contracts.package,
    protoPath: GRPC_SERVICES.contracts.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [], migrations: [] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime }) => ({
    module: class ContractsModule {},
    providers: [{ provide: EventSourcingRuntime, useValue: runtime }],
  }),
};
