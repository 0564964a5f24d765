// A consuming service in a process of its own, so a test can kill it for real (SIGKILL, no clean-up).
import { kafkaBrokers } from '@serviceops/testing';
import { Pool } from 'pg';
import { ConsumerDb, KafkaTransport, kafkaClient, LogTransport } from '../../src';

interface Args {
  kind: 'log' | 'kafka';
  consumerSchema: string;
  topic: string;
  consumer: string;
  groupIdPrefix?: string;
  /** SIGKILL this process right after the Nth effect committed, before its checkpoint/offset moves. */
  crashAfter?: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 5 });
  const consumerDb = new ConsumerDb(pool, args.consumerSchema);
  const transport =
    args.kind === 'log'
      ? new LogTransport({ sourcePool: pool, consumerDb })
      : new KafkaTransport({
          kafka: kafkaClient(kafkaBrokers(), args.consumer),
          consumerDb,
          sessionTimeoutMs: 6000,
          groupIdPrefix: args.groupIdPrefix,
        });
  let applied = 0;
  await transport.subscribe({
    consumer: args.consumer,
    topics: [args.topic],
    handler: async (event, tx) => {
      await tx.query(
        `INSERT INTO "${args.consumerSchema}".effects (consumer, event_id, stream_id, stream_version)
         VALUES ($1, $2, $3, $4)`,
        [args.consumer, event.eventId, event.streamId, event.streamVersion],
      );
      applied += 1;
    },
    hooks: {
      afterEffectCommitted: (event) => {
        process.stdout.write(`${JSON.stringify({ delivered: event.eventId, applied })}\n`);
        if (args.crashAfter !== undefined && applied >= args.crashAfter) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void transport.close().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
