import { Column, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';

/** Contracts to list by status, kind, customer and end date. No personal data (customers by id). */
@Entity({ name: 'contract_list' })
export class ContractListRow {
  @PrimaryColumn('uuid', { name: 'contract_id' }) contractId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('integer') version!: number;
  /** The stored status: 'signed' lists as 'active' from its start date. */
  @Column('text') status!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'start_date' }) startDate!: string;
  @Column('text', { name: 'end_date' }) endDate!: string;
  @Column('timestamptz', { name: 'drafted_at' }) draftedAt!: Date;
}

export class ContractList1764800000000 implements MigrationInterface {
  name = 'ContractList1764800000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_list (
      contract_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, version integer NOT NULL,
      status text NOT NULL, kind text NOT NULL, start_date text NOT NULL, end_date text NOT NULL,
      drafted_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX contract_list_page ON contract_list (tenant_id, drafted_at, contract_id)`);
    await q.query(`CREATE INDEX contract_list_end ON contract_list (tenant_id, end_date)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contract_list`);
  }
}

/**
 * The data keys of the customers this service keeps personal text of (the shared cipher's table), and the
 * customers erased (from customers' CustomerErased), of whom no personal text may be written again.
 */
export class ContractDataKeys1764800000001 implements MigrationInterface {
  name = 'ContractDataKeys1764800000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_keys (
      customer_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE erased_customers (
      customer_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erased_customers`);
    await q.query(`DROP TABLE data_keys`);
  }
}

/** Proposals to list by status, customer, kind and last valid day. No personal data (customers by id). */
@Entity({ name: 'proposal_list' })
export class ProposalListRow {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('integer') version!: number;
  @Column('text') status!: string;
  @Column('text') line!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'start_date' }) startDate!: string;
  @Column('text', { name: 'end_date' }) endDate!: string;
  @Column('text', { name: 'valid_until' }) validUntil!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'contract_id', nullable: true }) contractId!: string | null;
}

export class ProposalList1765000000000 implements MigrationInterface {
  name = 'ProposalList1765000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE proposal_list (
      proposal_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, version integer NOT NULL,
      status text NOT NULL, line text NOT NULL, kind text NOT NULL, start_date text NOT NULL, end_date text NOT NULL,
      valid_until text NOT NULL, created_at timestamptz NOT NULL, contract_id uuid)`);
    await q.query(`CREATE INDEX proposal_list_page ON proposal_list (tenant_id, created_at, proposal_id)`);
    await q.query(`CREATE INDEX proposal_list_valid ON proposal_list (tenant_id, valid_until)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_list`);
  }
}

/** Renewal follow-ups to list by owner and status: the last one of each contract. Owners by user id. */
@Entity({ name: 'renewal_follow_ups' })
export class RenewalFollowUpRow {
  @PrimaryColumn('uuid', { name: 'contract_id' }) contractId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** The contract's version (the ETag to close it with). */
  @Column('integer') version!: number;
  @Column('text') owner!: string;
  @Column('text', { name: 'end_date' }) endDate!: string;
  @Column('text') status!: string;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy!: string | null;
}

export class RenewalFollowUps1765000000001 implements MigrationInterface {
  name = 'RenewalFollowUps1765000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE renewal_follow_ups (
      contract_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, owner text NOT NULL,
      end_date text NOT NULL, status text NOT NULL, opened_at timestamptz NOT NULL, closed_at timestamptz,
      closed_by text)`);
    await q.query(
      `CREATE INDEX renewal_follow_ups_owner ON renewal_follow_ups (tenant_id, owner, status, opened_at)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE renewal_follow_ups`);
  }
}
