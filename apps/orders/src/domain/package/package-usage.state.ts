// A practice package's sessions: its state, codes and the context its one use case decides in (use-session.ts,
// which declares its command and events); the decider is package-usage.decider.ts.

export const PackageErrorCode = {
  EXHAUSTED: 'ORDERS.PACKAGE_EXHAUSTED',
  NOT_A_PACKAGE: 'ORDERS.NOT_A_PACKAGE',
} as const;

export interface PackageUsage {
  /** Orders that used a session (a completion decided again is not counted twice). */
  readonly orders: readonly string[];
}

export interface PackageContext {
  readonly now: Date;
  /** The package's sessions, as contracts published them (null: the contract is not a package). */
  readonly sessionsTotal: number | null;
}

export const initialPackageUsage = (): PackageUsage => ({ orders: [] });
