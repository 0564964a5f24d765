export interface LeaveEntry {
  readonly leaveId: string;
  readonly from: string;
  readonly to: string;
  readonly status: 'requested' | 'approved' | 'rejected' | 'cancelled';
}

/** Leave requests of one person (one stream each), approved or rejected by a manager. */
export interface LeaveState {
  readonly staffId: string | null;
  readonly leaves: readonly LeaveEntry[];
}

export const initialLeaveState = (): LeaveState => ({ staffId: null, leaves: [] });

export interface LeaveContext {
  readonly now: Date;
  readonly staffKnown?: boolean;
}
