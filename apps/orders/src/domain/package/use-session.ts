import type { PackageExhaustedV1, PackageSessionUsedV1 } from '@serviceops/contracts';
import { DomainError, type Event, useCase } from '@serviceops/kernel';
import { type PackageContext, PackageErrorCode, type PackageUsage } from './package-usage.state';

export interface UseSession {
  readonly type: 'UseSession';
  readonly data: { readonly contractId: string; readonly customerId: string; readonly orderId: string };
}

export type PackageSessionUsed = Event<'PackageSessionUsed', PackageSessionUsedV1>;
export type PackageExhausted = Event<'PackageExhausted', PackageExhaustedV1>;

/** A completed practice session uses one of its package's sessions, once per order; the last exhausts it. */
export const useSession = useCase<
  UseSession,
  PackageSessionUsed | PackageExhausted,
  PackageUsage,
  PackageContext
>({
  command: 'UseSession',
  decide(c, s, ctx) {
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
    const events: (PackageSessionUsed | PackageExhausted)[] = [
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
  },
  evolve: {
    PackageSessionUsed: (s, e) => ({ orders: [...s.orders, e.data.orderId] }),
    PackageExhausted: (s) => s,
  },
});
