// The outbox relay in a process of its own, so a test can kill it mid-stream.
import { PostgresEventStore } from '@serviceops/eventstore';
import { kafkaBrokers } from '@serviceops/testing';
import { Pool } from 'pg';
import { KafkaRelay, kafkaClient } from '../../src';

interface Args {
  producerSchema: string;
  topic: string;
  batchSize: number;
  /** SIGKILL after the Nth batch reached Kafka, before the checkpoint moved. */
  crashAfterBatches?: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 3 });
  const store = new PostgresEventStore({ pool, schema: args.producerSchema });
  let batches = 0;
  const relay = new KafkaRelay({
    store,
    kafka: kafkaClient(kafkaBrokers(), 'relay-process'),
    topic: args.topic,
    batchSize: args.batchSize,
    hooks: {
      afterPublish: (events) => {
        batches += 1;
        process.stdout.write(`${JSON.stringify({ published: events.length, batches })}\n`);
        if (args.crashAfterBatches !== undefined && batches >= args.crashAfterBatches) {
          process.kill(process.pid, 'SIGKILL');
        }
      },
    },
  });
  await relay.start();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void relay.stop().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
