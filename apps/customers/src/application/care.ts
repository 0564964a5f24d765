import { Inject, Injectable } from '@nestjs/common';
import { withTransaction } from '@serviceops/eventstore';
import { addDays, localDateOf, zonedInstant } from '@serviceops/kernel';
import { DurableTimers, execute, type DueTimer } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { birthdayMonthDaysOn } from '../domain/care/care.birthdays';
import { careDecider, careStreamId } from '../domain/care/care.decider';
import { SEALED_PATHS, type CareEvent } from '../domain/care/care.events';
import type { GreetingOccasion } from '../domain/care/care.state';
import { BlindIndex } from '../infrastructure/blind-index';
import { customerStatusOf, systemCall } from './customer-status';
import { Sealing } from './customer-store';
import { CustomerPolicies } from './policies';
import { ReadModelQueries } from '../infrastructure/read-model.repository';
import { TenantFacts } from '../infrastructure/tenant-facts.repository';

export const CARE_TIMER = 'care-daily';
const CARE_PATHS = SEALED_PATHS;

export const careTimerId = (tenantId: string, date: string): string => `${CARE_TIMER}:${tenantId}:${date}`;

/**
 * Birthday and holiday greetings: once a day per tenant, at the policy's hour in the tenant's time zone, a
 * `GreetingDue` comes due for each active customer whose birthday it is (and for every active customer on a
 * holiday of the tenant's calendar). A notification channel acts on them. Each day's run is a durable timer
 * that schedules the next day's; a greeting is issued once however often a day's run is repeated.
 */
@Injectable()
export class CustomerCare {
  constructor(
    private readonly sealing: Sealing,
    private readonly index: BlindIndex,
    private readonly policies: CustomerPolicies,
    private readonly tenants: TenantFacts,
    private readonly readModels: ReadModelQueries,
    @Inject(DurableTimers) private readonly timers: DurableTimers,
  ) {}

  /** Schedules the first daily run of a tenant just seen (today's, if its hour has not passed). */
  async scheduleFirst(tx: PoolClient, tenantId: string, timeZone: string, now = new Date()): Promise<void> {
    const { policy } = await this.policies.current(tenantId);
    const today = localDateOf(timeZone, now);
    const at = zonedInstant(timeZone, today, policy.care.hour);
    const date = at.getTime() >= now.getTime() ? today : addDays(today, 1);
    await this.timers.schedule(tx, {
      id: careTimerId(tenantId, date),
      tenantId,
      kind: CARE_TIMER,
      dueAt: zonedInstant(timeZone, date, policy.care.hour),
      payload: { date },
    });
  }

  /** On start: every known tenant has its next daily run pending (tenants seen before this feature existed). */
  async ensureScheduled(): Promise<void> {
    const { pool } = this.sealing.runtime.store;
    for (const { tenantId, timeZone } of await this.tenants.tenantsWithoutPending(CARE_TIMER))
      await withTransaction(pool, (tx) => this.scheduleFirst(tx, tenantId, timeZone));
  }

  /** One day's run for one tenant, then the next day's timer. */
  async run(timer: DueTimer): Promise<void> {
    const tenantId = timer.tenantId;
    const date = String(timer.payload['date']);
    const [{ version, policy }, calendar] = await Promise.all([
      this.policies.current(tenantId),
      this.tenants.calendarOf(tenantId),
    ]);
    const due: [string, GreetingOccasion][] = [];
    if (policy.care.birthdays)
      for (const id of await this.index.birthdays(tenantId, birthdayMonthDaysOn(date)))
        due.push([id, 'birthday']);
    if (policy.care.holidays && calendar.holidays.includes(date))
      for (const id of await this.readModels.activeCustomerIds(tenantId)) due.push([id, 'holiday']);
    const call = systemCall(tenantId, 'care', timer.id);
    const { store } = this.sealing.runtime;
    for (const [customerId, occasion] of due) {
      const [customer, codec] = await Promise.all([
        customerStatusOf(store, tenantId, customerId),
        this.sealing.forRead<CareEvent>(customerId, CARE_PATHS),
      ]);
      await execute(
        store,
        careDecider,
        careStreamId(tenantId, customerId),
        { type: 'IssueGreeting', data: { customerId, occasion, on: date } },
        { now: new Date(), policyVersion: version, customer },
        call,
        { codec, policyVersion: version },
      );
    }
    const next = addDays(date, 1);
    await withTransaction(this.sealing.runtime.store.pool, (tx) =>
      this.timers.schedule(tx, {
        id: careTimerId(tenantId, next),
        tenantId,
        kind: CARE_TIMER,
        dueAt: zonedInstant(calendar.timeZone, next, policy.care.hour),
        payload: { date: next },
      }),
    );
  }
}
