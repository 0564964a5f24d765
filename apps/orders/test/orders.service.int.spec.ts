import { describeServiceBoot } from '@serviceops/platform/testing';
import { ordersService } from '../src/orders.service-definition';

// The orders service as it runs: booted on a database of its own, ready, and serving each method its
// declarations (libs/contracts/src/api/orders.api.ts) name over gRPC, to nobody without identity.
describeServiceBoot('orders', ordersService);
