import { describeServiceBoot } from '@serviceops/platform/testing';
import { staffService } from '../src/staff.service-definition';

// The staff service as it runs: booted on a database of its own, ready, and serving each method its
// declarations (libs/contracts/src/api/staff.api.ts) name over gRPC, to nobody without identity.
describeServiceBoot('staff', staffService);
