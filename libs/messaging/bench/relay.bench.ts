// Relay throughput: how fast KafkaRelay publishes a pre-filled log to Kafka, beside a raw kafkajs producer
// sending the same events as the same messages (same key, value and headers, batches of the same size,
// acks -1, idempotent, one request in flight, no compression) in the same run.
//
//   DATABASE_URL=… KAFKA_BROKERS=… node --import tsx libs/messaging/bench/relay.bench.ts
//
// After a short unmeasured warm-up of both topics, rounds alternate raw producer and relay (BENCH_RELAY_ROUNDS,
// default 3; each relay run has its own checkpoint name, so it starts from the beginning of the log); the best
// of each is compared. The relay's time runs from its start() resolving (producer connected) to its checkpoint
// covering every event; the raw producer's covers building the messages and sending them.
// Tunables: BENCH_RELAY_EVENTS (default 50000), BENCH_RELAY_BATCH (1000). Schema and topics are removed at the end.
import { PostgresEventStore, START, type Checkpoint } from '@serviceops/eventstore';
import type { RecordedEvent } from '@serviceops/kernel';
import { ensureTopics, eventsTopic, KafkaRelay, kafkaClient, toEnvelope } from '../src';
import { CompressionTypes, type Kafka, type Message } from 'kafkajs';
import { Pool } from 'pg';
import {
  databaseUrl,
  envInt,
  fmtInt,
  fmtRatio,
  kafkaBrokers,
  nowMs,
  printTable,
  report,
  sampleOrderPlaced,
  sleep,
  type BenchRow,
} from '@serviceops/testing';

const GOAL_RATIO = 0.8;
const PARTITIONS = 3;

interface Run {
  readonly kind: 'raw' | 'relay';
  readonly round: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** The relay's own message shape (see KafkaRelay.publish): key = stream id, envelope JSON, id/type headers. */
function toMessage(event: RecordedEvent): Message {
  const headers: Record<string, string> = { 'event-id': event.eventId, 'event-type': event.type };
  const traceparent = event.metadata.traceparent;
  if (typeof traceparent === 'string') headers['traceparent'] = traceparent;
  return { key: event.streamId, value: JSON.stringify(toEnvelope(event)), headers };
}

async function main(): Promise<void> {
  const total = envInt('BENCH_RELAY_EVENTS', 50_000);
  const batch = envInt('BENCH_RELAY_BATCH', 1000);
  const rounds = envInt('BENCH_RELAY_ROUNDS', 3);
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `benchrelay_${tag}`;
  const relayTopic = eventsTopic(schema);
  const rawTopic = `${schema}.raw.v1`;
  const pool = new Pool({ connectionString: databaseUrl(), max: 10 });
  const store = new PostgresEventStore({ pool, schema });
  const kafka = kafkaClient(kafkaBrokers(), `bench-relay-${tag}`);
  const runs: Run[] = [];

  try {
    await store.migrate();
    // The log: 8 concurrent writers, appends of 100 events, 100 events per stream.
    const appends = Math.ceil(total / 100);
    let next = 0;
    const f0 = nowMs();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < appends; i = next++) {
          const events = Array.from({ length: 100 }, (_, k) => ({
            type: 'OrderPlaced',
            data: sampleOrderPlaced(i * 100 + k),
          }));
          await store.append(`order-${i}`, events, { expectedVersion: 0 });
        }
      }),
    );
    const written = appends * 100;
    await pool.query(`VACUUM (ANALYZE) "${schema}".events`); // steady state: no autovacuum mid-measurement
    console.log(`log filled with ${fmtInt(written)} events in ${((nowMs() - f0) / 1000).toFixed(1)} s`);

    // What the raw producer sends: the very same events, read once up front (not timed).
    const events: RecordedEvent[] = [];
    for (let after: Checkpoint = START; ;) {
      const page = await store.readAll({ after, limit: 5000 });
      if (page.events.length === 0) break;
      events.push(...page.events);
      after = page.checkpoint;
    }
    const bytes = events.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(toEnvelope(e))), 0);
    console.log(
      `messages: ${fmtInt(events.length)}, ${fmtInt(bytes / events.length)} bytes of value on average; ` +
        `${PARTITIONS} partitions; batches of ${batch}; acks -1, idempotent, no compression\n`,
    );
    await ensureTopics(kafka, [relayTopic, rawTopic], PARTITIONS);

    // Not measured: a few batches to each topic, so partition logs and producer ids exist before round 1.
    const warmEvents = events.slice(0, 5 * batch);
    await rawRun(kafka, rawTopic, warmEvents, batch, 0);
    await rawRun(kafka, relayTopic, warmEvents, batch, 0);

    for (let round = 1; round <= rounds; round++) {
      runs.push(await rawRun(kafka, rawTopic, events, batch, round));
      runs.push(await relayRun(store, kafka, relayTopic, written, batch, round));
    }
  } finally {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const existing = new Set(await admin.listTopics());
      const topics = [relayTopic, rawTopic].filter((t) => existing.has(t));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
    } catch (err) {
      console.log(`(could not delete topics: ${String(err)})`);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
  }

  const best = (kind: Run['kind']) =>
    Math.max(...runs.filter((r) => r.kind === kind).map((r) => r.eventsPerSecond));
  const raw = best('raw');
  const relay = best('relay');
  console.log('');
  printTable(
    ['publisher', 'round', 'events', 'seconds', 'events/s'],
    runs.map((r) => [
      r.kind,
      String(r.round),
      fmtInt(r.events),
      r.seconds.toFixed(2),
      fmtInt(r.eventsPerSecond),
    ]),
  );
  console.log(
    `relay / raw producer (best of each): ${(100 * (relay / raw)).toFixed(0)}%  (goal ≥ ${GOAL_RATIO * 100}%)`,
  );

  const rows: BenchRow[] = [
    {
      benchmark: 'Relay throughput',
      workload: `${fmtInt(runs[0]?.events ?? 0)} events from the log, batches of ${batch} (best of ${rounds})`,
      result: `${fmtInt(relay)} ev/s`,
      baseline: `raw kafkajs ${fmtInt(raw)} ev/s`,
      ratio: `${(100 * (relay / raw)).toFixed(0)}% (${fmtRatio(relay / raw)})`,
      goal: `≥ ${GOAL_RATIO * 100}% of raw`,
      met: relay / raw >= GOAL_RATIO,
    },
  ];
  report({ name: 'relay', rows, details: { partitions: PARTITIONS, batch, runs } });
}

async function rawRun(
  kafka: Kafka,
  topic: string,
  events: RecordedEvent[],
  batch: number,
  round: number,
): Promise<Run> {
  // The relay's producer settings (see KafkaRelay.start).
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
  });
  await producer.connect();
  try {
    const t0 = nowMs();
    for (let i = 0; i < events.length; i += batch) {
      const messages = events.slice(i, i + batch).map(toMessage);
      await producer.send({ topic, messages, acks: -1, compression: CompressionTypes.None });
    }
    const seconds = (nowMs() - t0) / 1000;
    const run: Run = {
      kind: 'raw',
      round,
      events: events.length,
      seconds,
      eventsPerSecond: events.length / seconds,
    };
    if (round > 0) {
      console.log(
        `raw producer, round ${round}: ${fmtInt(run.eventsPerSecond)} ev/s (${seconds.toFixed(2)} s)`,
      );
    }
    return run;
  } finally {
    await producer.disconnect();
  }
}

async function relayRun(
  store: PostgresEventStore,
  kafka: Kafka,
  topic: string,
  total: number,
  batch: number,
  round: number,
): Promise<Run> {
  const errors: string[] = [];
  const relay = new KafkaRelay({
    store,
    kafka,
    topic,
    name: `bench-relay-${round}`,
    batchSize: batch,
    partitions: PARTITIONS,
    logger: { error: (_message, err) => void errors.push(String(err)), warn: () => undefined },
  });
  await relay.start();
  const t0 = nowMs();
  const deadline = Date.now() + 120_000;
  while (relay.published < total && Date.now() < deadline) await sleep(1);
  const seconds = (nowMs() - t0) / 1000;
  const published = relay.published;
  await relay.stop();
  const run: Run = { kind: 'relay', round, events: published, seconds, eventsPerSecond: published / seconds };
  console.log(
    `KafkaRelay, round ${round}: ${fmtInt(run.eventsPerSecond)} ev/s (${seconds.toFixed(2)} s)` +
      (published < total ? `  (only ${published}/${total} published)` : '') +
      (errors.length > 0 ? `  errors: ${errors.slice(0, 3).join('; ')}` : ''),
  );
  return run;
}

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
