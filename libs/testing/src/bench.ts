// Small helpers shared by the benchmarks (libs/*/bench). Benchmarks print figures; they never assert them.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: bench scripts spawn workers from here, where tsx finds tsconfig.json. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** One line of the README table: what was measured, the figure, and what it is compared with. */
export interface BenchRow {
  readonly benchmark: string;
  readonly workload: string;
  /** Our figure, formatted. */
  readonly result: string;
  /** The figure we compare with (another product, a raw client), formatted. */
  readonly baseline?: string;
  /** Ours / baseline, formatted. */
  readonly ratio?: string;
  /** The goal from the issue, in words. */
  readonly goal?: string;
  /** Whether the goal was met (shown, never asserted). */
  readonly met?: boolean;
}

export interface BenchResult {
  readonly name: string;
  readonly rows: BenchRow[];
  /** The raw figures behind the rows. */
  readonly details: unknown;
}

/** Hands the figures to `npm run bench` (infra/run-bench.mjs) when it runs this script. */
export function report(result: BenchResult): void {
  const file = process.env['BENCH_RESULT_FILE'];
  if (file)
    writeFileSync(
      file,
      JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    );
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The p-th percentile (0..100) of a sample, nearest-rank; NaN for an empty sample. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function summarize(sample: readonly number[]): {
  count: number;
  p50: number;
  p99: number;
  max: number;
} {
  const sorted = [...sample].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** 12345.6 → "12,346". */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtMs(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
}

export function fmtRatio(n: number): string {
  return Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a';
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain, realistic event body (about 300 bytes of JSON), the same for every store under test. */
export function sampleOrderPlaced(seq: number): Record<string, unknown> {
  return {
    orderId: randomUUID(),
    customerId: `cust-${seq % 5000}`,
    lines: [
      { sku: 'SKU-10042', quantity: 2, unitPrice: { amount: 1999, currency: 'EUR' } },
      { sku: 'SKU-20311', quantity: 1, unitPrice: { amount: 4550, currency: 'EUR' } },
    ],
    total: { amount: 8548, currency: 'EUR' },
    channel: 'web',
    note: 'leave at the front desk',
    seq,
  };
}

/** Prints a small aligned table to stdout. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
