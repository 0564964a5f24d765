import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { initialPackageUsage, type PackageContext, type PackageUsage } from './package-usage.state';
import { useSession } from './use-session';

export type { PackageExhausted, PackageSessionUsed, UseSession } from './use-session';
export * from './package-usage.state';

/**
 * A practice package's sessions (issue 15 item 6), one stream per contract: a session is used when a
 * practice-session order under the contract is completed, appended with the expected version together with the
 * completion, so of two completions racing for the last session one commits and the other is decided again and
 * refused. Registration checks the entitlement read model as well (an early answer), but only this stream is
 * the rule. The list of its use cases (one: using a session), a file each beside this one.
 */
export const PACKAGE_USAGE_USE_CASES = [useSession] as const;

export type PackageUsageCommand = CommandOf<typeof PACKAGE_USAGE_USE_CASES>;
export type PackageUsageEvent = EventOf<typeof PACKAGE_USAGE_USE_CASES>;

export const packageUsageDecider = deciderOf<typeof PACKAGE_USAGE_USE_CASES, PackageUsage, PackageContext>(
  initialPackageUsage,
  PACKAGE_USAGE_USE_CASES,
);

/** 'package-usage-<tenantId>-<contractId>' */
export function packageUsageStreamId(tenantId: string, contractId: string): string {
  return streamId('package-usage', tenantId, contractId);
}
