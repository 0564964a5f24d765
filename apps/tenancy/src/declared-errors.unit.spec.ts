import { describeDeclaredErrors } from '@serviceops/platform/testing';
import { TenancyErrorCode } from './domain/tenant/tenant.errors';

describeDeclaredErrors('tenancy', [TenancyErrorCode]);
