// Append → consumer latency on both transports: LogTransport (the consumer reads the producer's log) and
// KafkaTransport fed by KafkaRelay (log → Kafka → consumer group).
//
//   DATABASE_URL=… KAFKA_BROKERS=… node --import tsx libs/messaging/bench/latency.bench.ts
//
// A producer appends single events at a steady rate (BENCH_LATENCY_RATE, default 200/s) for
// BENCH_LATENCY_SECONDS (default 10), each event carrying its sequence number and send time
// (process.hrtime and Date.now()); the handler takes the time as soon as it is called. Producer and consumer run
// in this one process, so both times come from the same monotonic clock. Reported, per transport:
//   commit → handler   from the moment the append's commit was acknowledged to the handler being called (the goal);
//   append → handler   from the append call (includes the commit itself);
//   commit → effect    until the handler's transaction (effect + inbox row) committed.
// Each transport gets fresh schemas, topics and consumer group, removed at the end.
import { PostgresEventStore } from '@serviceops/eventstore';
import {
  ConsumerDb,
  deadLetterTopic,
  eventsTopic,
  KafkaRelay,
  KafkaTransport,
  kafkaClient,
  LogTransport,
  type MessagingLogger,
  type RunningSubscription,
  type Transport,
} from '../src';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import {
  databaseUrl,
  envInt,
  envNumber,
  fmtInt,
  fmtMs,
  kafkaBrokers,
  nowMs,
  percentile,
  printTable,
  report,
  sleep,
  type BenchRow,
} from '@serviceops/testing';

type Kind = 'log' | 'kafka';

const GOALS: Record<Kind, number> = { log: 50, kafka: 100 };
const NAMES: Record<Kind, string> = { log: 'LogTransport', kafka: 'KafkaTransport + KafkaRelay' };

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface LatencyResult {
  kind: Kind;
  rate: number;
  seconds: number;
  sent: number;
  delivered: number;
  sendSeconds: number;
  commitToHandler: Stats;
  appendToHandler: Stats;
  commitToEffect: Stats;
  appendCommit: Stats;
  errors: string[];
}

interface PingData {
  seq: number;
  sentAtNs: string;
  sentAtMs: number;
}

function stats(sample: number[]): Stats {
  const sorted = [...sample].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

async function measure(kind: Kind, rate: number, seconds: number): Promise<LatencyResult> {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const producerSchema = `benchlat_${kind}_${tag}`;
  const consumerSchema = `benchlatc_${kind}_${tag}`;
  const topic = eventsTopic(producerSchema);
  const consumer = `bench-latency-${kind}-${tag}`;
  // Two services: the producer's pool (store, relay) and the consumer's (inbox, checkpoints, log reads).
  const producerPool = new Pool({ connectionString: databaseUrl(), max: 10 });
  const consumerPool = new Pool({ connectionString: databaseUrl(), max: 10 });
  const store = new PostgresEventStore({ pool: producerPool, schema: producerSchema });
  const consumerDb = new ConsumerDb(consumerPool, consumerSchema);
  const errors: string[] = [];
  const onError = (err: unknown, context: string) => {
    if (errors.length < 5) errors.push(`${context}: ${err instanceof Error ? err.message : String(err)}`);
  };
  const logger: MessagingLogger = {
    error: (message, err) => onError(err, message),
    warn: (message) => onError(new Error(message), 'warning'),
  };
  let kafka: Kafka | undefined;
  let relay: KafkaRelay | undefined;
  let transport: Transport | undefined;
  let subscription: RunningSubscription | undefined;

  const total = Math.round(rate * seconds);
  const startAt = new Float64Array(total).fill(NaN);
  const committedAt = new Float64Array(total).fill(NaN);
  const handledAt = new Float64Array(total).fill(NaN);
  const effectAt = new Float64Array(total).fill(NaN);
  let delivered = 0;
  let warmSeen = 0;

  try {
    await store.migrate();
    if (kind === 'kafka') {
      kafka = kafkaClient(kafkaBrokers(), `bench-latency-${tag}`);
      relay = new KafkaRelay({ store, kafka, topic, logger });
      await relay.start();
      transport = new KafkaTransport({ kafka, consumerDb, logger });
    } else {
      transport = new LogTransport({ sourcePool: consumerPool, consumerDb, logger });
    }
    subscription = await transport.subscribe({
      consumer,
      topics: [topic],
      handler: (event) => {
        const at = nowMs();
        const { seq } = event.data as PingData;
        if (seq >= 0 && seq < total) handledAt[seq] = at;
        else warmSeen += 1;
        return Promise.resolve();
      },
      hooks: {
        afterEffectCommitted: (event) => {
          const { seq } = event.data as PingData;
          if (seq >= 0 && seq < total && Number.isNaN(effectAt[seq])) {
            effectAt[seq] = nowMs();
            delivered += 1;
          }
        },
      },
    });

    const ping = (seq: number) => {
      const data: PingData = { seq, sentAtNs: process.hrtime.bigint().toString(), sentAtMs: Date.now() };
      return store.append(`ping-${seq < 0 ? 'warm' : seq % 50}`, [{ type: 'Ping', data }]);
    };

    // Warm-up: until the pipeline delivers (a Kafka consumer group takes a few seconds to join), then one
    // more second at the measured rate, so connections, JIT and partitions are all in place.
    const warmDeadline = Date.now() + 60_000;
    while (warmSeen === 0) {
      if (Date.now() > warmDeadline) throw new Error(`${NAMES[kind]}: nothing delivered within 60 s`);
      await ping(-1);
      await sleep(100);
    }
    const warmUntil = nowMs() + 1000;
    while (nowMs() < warmUntil) {
      void ping(-1).catch((err: unknown) => onError(err, 'warm-up append'));
      await sleep(1000 / rate);
    }
    await sleep(500);

    // Steady rate: event i is due at t0 + i / rate; an append never waits for the one before it.
    const interval = 1000 / rate;
    const appends: Promise<unknown>[] = [];
    const t0 = nowMs();
    for (let i = 0; i < total; i++) {
      const wait = t0 + i * interval - nowMs();
      if (wait >= 1) await sleep(wait);
      startAt[i] = nowMs();
      appends.push(
        ping(i).then(
          () => (committedAt[i] = nowMs()),
          (err: unknown) => onError(err, `append ${i}`),
        ),
      );
    }
    const sendSeconds = (nowMs() - t0) / 1000;
    await Promise.all(appends);
    const deadline = Date.now() + 30_000;
    while (delivered < total && Date.now() < deadline) await sleep(20);

    const diffs = (to: Float64Array, from: Float64Array) => {
      const out: number[] = [];
      for (let i = 0; i < total; i++) {
        const d = (to[i] as number) - (from[i] as number);
        if (Number.isFinite(d)) out.push(d);
      }
      return out;
    };
    return {
      kind,
      rate,
      seconds,
      sent: total,
      delivered,
      sendSeconds,
      commitToHandler: stats(diffs(handledAt, committedAt)),
      appendToHandler: stats(diffs(handledAt, startAt)),
      commitToEffect: stats(diffs(effectAt, committedAt)),
      appendCommit: stats(diffs(committedAt, startAt)),
      errors,
    };
  } finally {
    await subscription?.stop().catch(() => undefined);
    await transport?.close().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    if (kafka) await removeKafkaLeftovers(kafka, [topic, deadLetterTopic(topic)], consumer);
    await producerPool.query(`DROP SCHEMA IF EXISTS "${producerSchema}" CASCADE`).catch(() => undefined);
    await producerPool.query(`DROP SCHEMA IF EXISTS "${consumerSchema}" CASCADE`).catch(() => undefined);
    await producerPool.end();
    await consumerPool.end();
  }
}

async function removeKafkaLeftovers(kafka: Kafka, topics: string[], group: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([group]).catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    const ours = topics.filter((t) => existing.has(t));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 10_000 });
  } catch (err) {
    console.log(`(could not remove Kafka topics ${topics.join(', ')}: ${String(err)})`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const rate = envInt('BENCH_LATENCY_RATE', 200);
  const seconds = envNumber('BENCH_LATENCY_SECONDS', 10);
  console.log(`append → consumer latency: ${rate} appends/s of 1 event for ${seconds} s per transport\n`);
  const results: LatencyResult[] = [];
  for (const kind of ['log', 'kafka'] as const) {
    const r = await measure(kind, rate, seconds);
    results.push(r);
    const c = r.commitToHandler;
    console.log(
      `${NAMES[kind]}: delivered ${fmtInt(r.delivered)}/${fmtInt(r.sent)} (sent in ${r.sendSeconds.toFixed(1)} s); ` +
        `commit → handler p50 ${fmtMs(c.p50)} ms, p95 ${fmtMs(c.p95)} ms, p99 ${fmtMs(c.p99)} ms, max ${fmtMs(c.max)} ms`,
    );
    for (const e of r.errors) console.log(`  error: ${e}`);
  }

  console.log('\nlatency in ms (p50 / p99 / max)');
  const cell = (s: Stats) => `${fmtMs(s.p50)} / ${fmtMs(s.p99)} / ${fmtMs(s.max)}`;
  printTable(
    [
      'transport',
      'delivered',
      'commit → handler',
      'append → handler',
      'commit → effect',
      'append commit',
      'goal (p99)',
    ],
    results.map((r) => [
      NAMES[r.kind],
      `${r.delivered}/${r.sent}`,
      cell(r.commitToHandler),
      cell(r.appendToHandler),
      cell(r.commitToEffect),
      cell(r.appendCommit),
      `≤ ${GOALS[r.kind]} ms`,
    ]),
  );

  const rows: BenchRow[] = results.map((r) => ({
    benchmark: 'Append → consumer latency',
    workload: `${NAMES[r.kind]}, ${r.rate} ev/s for ${r.seconds} s`,
    result:
      `p50 ${fmtMs(r.commitToHandler.p50)} ms · p99 ${fmtMs(r.commitToHandler.p99)} ms` +
      (r.delivered < r.sent ? ` (only ${r.delivered}/${r.sent} delivered)` : ''),
    goal: `p99 ≤ ${GOALS[r.kind]} ms`,
    met: r.delivered === r.sent && r.commitToHandler.p99 <= GOALS[r.kind],
  }));
  report({ name: 'latency', rows, details: results });
}

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
