export interface ShiftState {
  readonly status: 'absent' | 'scheduled' | 'in' | 'out' | 'closed' | 'cancelled';
  readonly shiftId?: string;
  readonly staffId?: string;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly late?: boolean;
}

export const initialShiftState = (): ShiftState => ({ status: 'absent' });

export interface ShiftContext {
  readonly now: Date;
  /** Scheduling: whether the person is a staff member of the tenant. */
  readonly staffKnown?: boolean;
  /** Closing: whether an approved leave covers the shift. */
  readonly onLeave?: boolean;
  /** Clocking in: the tenant's lateness threshold (default ATTENDANCE_RULES'). */
  readonly latenessThresholdMinutes?: number;
  /**
   * Clocking in or out: who records it. The staff member themselves (the login tenancy linked to them) or a
   * supervisor; anyone else is refused. Absent: the platform itself (no caller to check).
   */
  readonly clocker?: { readonly staffId: string | null; readonly supervises: boolean };
}
