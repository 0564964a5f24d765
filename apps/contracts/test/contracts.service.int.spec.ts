import { describeServiceBoot } from '@serviceops/platform/testing';
import { contractsService } from '../src/contracts.service-definition';

// The contracts service as it runs: booted on a database of its own, ready, and serving each method its
// declarations (libs/contracts/src/api/contracts.api.ts) name over gRPC, to nobody without identity.
describeServiceBoot('contracts', contractsService);
