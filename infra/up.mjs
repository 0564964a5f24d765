// `npm run infra:up`: PostgreSQL and Kafka for local development, left running in the background
// (data in .data/dev-pg and .data/dev-kafka, on their own ports so `npm test` never touches them).
// Stop them with `npm run infra:down`.
import path from 'node:path';
import { KAFKA_DEFAULTS, startKafka } from './kafka.mjs';
import { PG_DEFAULTS, REPO_ROOT, startPostgres } from './postgres.mjs';

const DEV = Object.freeze({
  pgDataDir: path.join(REPO_ROOT, '.data', 'dev-pg'),
  pgPort: Number(process.env.SERVICEOPS_DEV_PG_PORT || PG_DEFAULTS.port + 2), // 55434 (55433 is the bench's)
  kafkaDataDir: path.join(REPO_ROOT, '.data', 'dev-kafka'),
  kafkaPort: Number(process.env.SERVICEOPS_DEV_KAFKA_PORT || KAFKA_DEFAULTS.port + 2), // 19094 (+1: controller)
});

async function main() {
  const t0 = Date.now();
  const timed = async (name, start) => {
    const t = Date.now();
    const result = await start();
    console.log(`${name}: ${result.reused ? 'already running' : 'started'} (${seconds(t)})`);
    return result;
  };
  const [pgResult, kafkaResult] = await Promise.allSettled([
    timed('PostgreSQL', () =>
      startPostgres({
        dataDir: DEV.pgDataDir,
        port: DEV.pgPort,
        detached: true,
        log: (line) => console.log(`PostgreSQL: ${line}`),
      }),
    ),
    timed('Kafka', () =>
      startKafka({
        dataDir: DEV.kafkaDataDir,
        port: DEV.kafkaPort,
        log: (line) => console.log(`Kafka: ${line}`),
      }),
    ),
  ]);
  const failures = [pgResult, kafkaResult].filter((r) => r.status === 'rejected');
  for (const { reason } of failures) console.error(`\n${reason instanceof Error ? reason.message : reason}`);
  if (failures.length > 0) {
    console.error('\ninfra:up failed; whatever did start is still running (npm run infra:down stops it)');
    return 1;
  }
  console.log(`\nReady in ${seconds(t0)}. For your shell:\n`);
  console.log(`export DATABASE_URL=${pgResult.value.url}`);
  console.log(`export KAFKA_BROKERS=${kafkaResult.value.brokers}`);
  console.log('\nStop with: npm run infra:down');
  return 0;
}

function seconds(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
