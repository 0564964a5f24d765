// Consumer catch-up: how fast a new consumer applies a backlog (a projection rebuilt from zero), per
// transport. The handler writes one row per event in the consumer's transaction, as a projection would.
//
//   DATABASE_URL=… KAFKA_BROKERS=… node --import tsx libs/messaging/bench/catch-up.bench.ts
//
// Tunables: BENCH_CATCHUP_EVENTS (default 20000). Schemas and topics are removed at the end.
import { PostgresEventStore } from '@serviceops/eventstore';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import {
  ConsumerDb,
  eventsTopic,
  KafkaRelay,
  KafkaTransport,
  kafkaClient,
  LogTransport,
  silentLogger,
  type Transport,
} from '../src';
import {
  databaseUrl,
  envInt,
  fmtInt,
  kafkaBrokers,
  nowMs,
  report,
  sampleOrderPlaced,
  sleep,
  type BenchRow,
} from '@serviceops/testing';

async function catchUp(kind: 'log' | 'kafka', total: number): Promise<number> {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `benchcu_${kind}_${tag}`;
  const consumerSchema = `benchcu_c_${kind}_${tag}`;
  const topic = eventsTopic(schema);
  const pool = new Pool({ connectionString: databaseUrl(), max: 20 });
  const store = new PostgresEventStore({ pool, schema });
  const consumerDb = new ConsumerDb(pool, consumerSchema);
  let kafka: Kafka | undefined;
  let relay: KafkaRelay | undefined;
  let transport: Transport | undefined;
  try {
    await store.migrate();
    await consumerDb.migrate();
    await pool.query(
      `CREATE TABLE "${consumerSchema}".projection (event_id uuid PRIMARY KEY, stream_id text)`,
    );
    const perAppend = 100;
    for (let i = 0; i < total; i += perAppend) {
      await store.append(
        `order-${i % 50}`,
        Array.from({ length: perAppend }, (_, k) => ({
          type: 'OrderPlaced',
          data: sampleOrderPlaced(i + k),
        })),
      );
    }
    if (kind === 'kafka') {
      kafka = kafkaClient(kafkaBrokers(), `bench-catchup-${tag}`);
      relay = new KafkaRelay({ store, kafka, topic, logger: silentLogger });
      await relay.start();
      while (relay.published < total) await sleep(20); // the backlog is on the topic before we start
      transport = new KafkaTransport({ kafka, consumerDb, logger: silentLogger });
    } else {
      transport = new LogTransport({ sourcePool: pool, consumerDb, logger: silentLogger });
    }
    const t0 = nowMs();
    await transport.subscribe({
      consumer: 'catch-up',
      topics: [topic],
      handler: async (event, tx) => {
        await tx.query(`INSERT INTO "${consumerSchema}".projection VALUES ($1, $2)`, [
          event.eventId,
          event.streamId,
        ]);
      },
    });
    for (;;) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${consumerSchema}".projection`,
      );
      if (Number(rows[0]?.n) >= total) break;
      await sleep(20);
    }
    return total / ((nowMs() - t0) / 1000);
  } finally {
    await transport?.close();
    await relay?.stop();
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
      await admin.deleteGroups(['catch-up']).catch(() => undefined);
      await admin.disconnect();
    }
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.query(`DROP SCHEMA IF EXISTS "${consumerSchema}" CASCADE`);
    await pool.end();
  }
}

async function main(): Promise<void> {
  const total = envInt('BENCH_CATCHUP_EVENTS', 20_000);
  const rows: BenchRow[] = [];
  const details: Record<string, number> = {};
  for (const kind of ['log', 'kafka'] as const) {
    const rate = await catchUp(kind, total);
    details[kind] = rate;
    console.log(`${kind}: a new consumer applied ${fmtInt(total)} backlog events at ${fmtInt(rate)} ev/s`);
    rows.push({
      benchmark: 'Consumer catch-up',
      workload: `${kind === 'log' ? 'log transport' : 'Kafka transport'}, ${fmtInt(total)}-event backlog, one row per event`,
      result: `${fmtInt(rate)} ev/s`,
    });
  }
  report({ name: 'catch-up', rows, details });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
