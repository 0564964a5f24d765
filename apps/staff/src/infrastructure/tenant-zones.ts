import { tenantZonesOf } from '@serviceops/platform';

/** Each tenant's time zone, kept from tenancy's calendar events (libs/platform, as the contracts service does). */
export const TENANT_ZONES = tenantZonesOf('staff');
