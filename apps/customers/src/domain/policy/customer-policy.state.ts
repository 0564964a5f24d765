/** How a tenant handles its customers; data, changed through the API and versioned. */
export interface CustomerPolicy {
  readonly inquiryReply: {
    /** Business hours an inquiry may wait for its answer: > 0, ≤ 720, fractions allowed. */
    readonly withinBusinessHours: number;
  };
  readonly returnVisits: {
    /** Days after a service its return visit is due: an integer 0–90. */
    readonly afterServiceDays: number;
    /** Days between periodic visits (an integer 1–3650), or null for none. */
    readonly everyDays: number | null;
  };
  readonly care: {
    readonly birthdays: boolean;
    readonly holidays: boolean;
    /** Local hour (0–23) greetings come due. */
    readonly hour: number;
  };
}

/** Version 0: what a tenant has before it changes anything (never stored). */
export const DEFAULT_CUSTOMER_POLICY: CustomerPolicy = Object.freeze({
  inquiryReply: Object.freeze({ withinBusinessHours: 24 }),
  returnVisits: Object.freeze({ afterServiceDays: 3, everyDays: null }),
  care: Object.freeze({ birthdays: true, holidays: true, hour: 9 }),
});

export interface CustomerPolicyState {
  /** 0 until the first change. */
  readonly version: number;
  readonly policy: CustomerPolicy;
  readonly changedAt?: string;
}

export const initialCustomerPolicyState = (): CustomerPolicyState => ({
  version: 0,
  policy: DEFAULT_CUSTOMER_POLICY,
});

export interface CustomerPolicyContext {
  readonly now: Date;
}
