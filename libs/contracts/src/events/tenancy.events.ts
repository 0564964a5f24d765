/** Stream ids: `tenant-<uuid>`; one stream per tenant (its branches, lines, users, calendar). */
export const tenantStreamId = (tenantId: string): string => `tenant-${tenantId}`;
