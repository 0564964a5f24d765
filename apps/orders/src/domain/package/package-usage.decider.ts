import type { PackageExhaustedV1, PackageSessionUsedV1 } from '@serviceops/contracts';
import { type Decider, DomainError, type Event, streamId } from '@serviceops/kernel';

/**
 * A practice package's sessions (issue 15 item 6), one stream per contract: a session is used when a
 * practice-session order under the contract is completed, appended with the expected version together with the
 * completion, so of two completions racing for the last session one commits and the other is decided again and
 * refused. Registration checks the entitlement read model as well (an early answer), but only this stream is
 * the rule.
 */
export const PackageErrorCode = {
  EXHAUSTED: 'ORDERS.PACKAGE_EXHAUSTED',
  NOT_A_PACKAGE: 'ORDERS.NOT_A_PACKAGE',
} as const;

export interface UseSession {
  readonly type: 'UseSession';
  readonly data: { readonly contractId: string; readonly customerId: string; readonly orderId: string };
}

export type PackageUsageEvent =
  Event<'PackageSessionUsed', PackageSessionUsedV1> | Event<'PackageExhausted', PackageExhaustedV1>;

export interface PackageUsage {
  /** Orders that used a session (a completion decided again is not counted twice). */
  readonly orders: readonly string[];
}

export interface PackageContext {
  readonly now: Date;
  /** The package's sessions, as contracts published them (null: the contract is not a package). */
  readonly sessionsTotal: number | null;
}

export function decidePackageUsage(
  c: UseSession,
  s: PackageUsage,
  ctx: PackageContext,
): readonly PackageUsageEvent[] {
  const { contractId, customerId, orderId } = c.data;
  if (s.orders.includes(orderId)) return [];
  if (ctx.sessionsTotal === null)
    throw new DomainError(PackageErrorCode.NOT_A_PACKAGE, `contract ${contractId} is not a package`);
  const used = s.orders.length + 1;
  if (used > ctx.sessionsTotal)
    throw new DomainError(PackageErrorCode.EXHAUSTED, 'the package has no session left', {
      contractId,
      sessionsTotal: ctx.sessionsTotal,
    });
  const at = ctx.now.toISOString();
  const sessionsLeft = ctx.sessionsTotal - used;
  const events: PackageUsageEvent[] = [
    {
      type: 'PackageSessionUsed',
      data: { contractId, customerId, orderId, sessionsTotal: ctx.sessionsTotal, sessionsLeft, at },
    },
  ];
  if (sessionsLeft === 0)
    events.push({
      type: 'PackageExhausted',
      data: { contractId, customerId, lastOrderId: orderId, sessionsTotal: ctx.sessionsTotal, at },
    });
  return events;
}

export function evolvePackageUsage(s: PackageUsage, e: PackageUsageEvent): PackageUsage {
  return e.type === 'PackageSessionUsed' ? { orders: [...s.orders, e.data.orderId] } : s;
}

export const packageUsageDecider: Decider<UseSession, PackageUsageEvent, PackageUsage, PackageContext> = {
  initialState: () => ({ orders: [] }),
  decide: decidePackageUsage,
  evolve: evolvePackageUsage,
};

/** 'package-usage-<tenantId>-<contractId>' */
export function packageUsageStreamId(tenantId: string, contractId: string): string {
  return streamId('package-usage', tenantId, contractId);
}
