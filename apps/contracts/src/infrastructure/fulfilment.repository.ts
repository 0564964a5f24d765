import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { Fulfilment, FulfilmentStep } from '../domain/performance/performance';

/**
 * What other services report done under each contract (sessions used, visits done, payments made), for the
 * periodic review. Kept per contract and, for payments, per currency; ids, counts and money only.
 */
export class ContractFulfilment1764900000000 implements MigrationInterface {
  name = 'ContractFulfilment1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_fulfilment (
      contract_id uuid PRIMARY KEY, tenant_id uuid NOT NULL,
      sessions_used integer NOT NULL DEFAULT 0, visits_done integer NOT NULL DEFAULT 0)`);
    await q.query(`CREATE TABLE contract_payments (
      contract_id uuid NOT NULL, tenant_id uuid NOT NULL, currency text NOT NULL, paid bigint NOT NULL,
      PRIMARY KEY (contract_id, currency))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contract_payments`);
    await q.query(`DROP TABLE contract_fulfilment`);
  }
}

/** Adds one step, in the consumer's transaction (its inbox row makes it once per event). */
export async function addFulfilment(tx: PoolClient, tenantId: string, step: FulfilmentStep): Promise<void> {
  if (step.sessions > 0 || step.visits > 0)
    await tx.query(
      `INSERT INTO contracts.contract_fulfilment (contract_id, tenant_id, sessions_used, visits_done)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (contract_id) DO UPDATE SET
         sessions_used = contract_fulfilment.sessions_used + EXCLUDED.sessions_used,
         visits_done = contract_fulfilment.visits_done + EXCLUDED.visits_done
       WHERE contract_fulfilment.tenant_id = EXCLUDED.tenant_id`,
      [step.contractId, tenantId, step.sessions, step.visits],
    );
  if (step.payment)
    await tx.query(
      `INSERT INTO contracts.contract_payments (contract_id, tenant_id, currency, paid) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contract_id, currency) DO UPDATE SET paid = contract_payments.paid + EXCLUDED.paid
       WHERE contract_payments.tenant_id = EXCLUDED.tenant_id`,
      [step.contractId, tenantId, step.payment.currency, step.payment.amount],
    );
}

/** A contract's fulfilment so far, payments counted in `currency` (none when the contract names no money). */
export async function fulfilmentOfContract(
  db: DataSource,
  tenantId: string,
  contractId: string,
  currency: string | undefined,
): Promise<Fulfilment> {
  const [counts] = await db.query<{ sessions_used: number; visits_done: number }[]>(
    `SELECT sessions_used, visits_done FROM contracts.contract_fulfilment WHERE tenant_id = $1 AND contract_id = $2`,
    [tenantId, contractId],
  );
  const [payments] =
    currency === undefined
      ? []
      : await db.query<{ paid: string }[]>(
          `SELECT paid FROM contracts.contract_payments WHERE tenant_id = $1 AND contract_id = $2 AND currency = $3`,
          [tenantId, contractId, currency],
        );
  return {
    sessionsUsed: counts?.sessions_used ?? 0,
    visitsDone: counts?.visits_done ?? 0,
    paid: payments ? Number(payments.paid) : 0,
  };
}
