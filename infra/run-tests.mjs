// `npm test`: runs Jest against real servers.
//
//   npm test                        all suites; starts PostgreSQL and Kafka unless DATABASE_URL / KAFKA_BROKERS are set
//   npm test -- libs/eventstore     any other arguments go to Jest as they are
//   npm test -- --unit              only the `unit` Jest project, and no servers
//
// Servers this script starts are stopped afterwards, also when Jest crashes or on SIGINT/SIGTERM/SIGHUP; servers it
// found already running (or was given through the environment) are left alone. It never runs the suites without
// their servers: if one fails to start, it exits non-zero. Exit code: Jest's.
// SERVICEOPS_FRESH_INFRA=1 starts from empty data directories (.data/test-pg, .data/test-kafka).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startKafka } from './kafka.mjs';
import { REPO_ROOT, startPostgres } from './postgres.mjs';

const JEST = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const say = (line) => console.log(`[run-tests] ${line}`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const stops = []; // the servers this script started (not the ones it reused)
let jest; // the Jest child process while it runs
let interrupted; // the first signal received

async function main() {
  const args = process.argv.slice(2);
  const unit = args.includes('--unit');
  // --selectProjects takes every following word as a project name: it goes last.
  const jestArgs = unit ? [...args.filter((a) => a !== '--unit'), '--selectProjects', 'unit'] : args;
  // The partitioner notice kafkajs prints for every new producer is noise in test output.
  const env = { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env };

  if (!unit) {
    const fresh = process.env.SERVICEOPS_FRESH_INFRA === '1';
    const t0 = Date.now();
    const starts = [];
    if (env.DATABASE_URL) say(`PostgreSQL: using DATABASE_URL from the environment`);
    else
      starts.push(
        startServer(
          'PostgreSQL',
          () => startPostgres({ fresh, log: prefixed('PostgreSQL') }),
          (r) => (env.DATABASE_URL = r.url),
        ),
      );
    if (env.KAFKA_BROKERS) say(`Kafka: using KAFKA_BROKERS=${env.KAFKA_BROKERS} from the environment`);
    else
      starts.push(
        startServer(
          'Kafka',
          () => startKafka({ fresh, log: prefixed('Kafka') }),
          (r) => (env.KAFKA_BROKERS = r.brokers),
        ),
      );

    const results = await Promise.allSettled(starts);
    const failures = results.filter((r) => r.status === 'rejected');
    if (failures.length > 0) {
      for (const { reason } of failures) console.error(`\n[run-tests] ${reason.message}`);
      say('not running the suites without their servers');
      return 1;
    }
    if (starts.length > 0) say(`servers ready in ${seconds(t0)}`);
    env.SERVICEOPS_TEST_INFRA = '1';
  }

  if (interrupted) return SIGNAL_EXIT_CODES[interrupted];
  say(`jest ${jestArgs.join(' ')}`.trimEnd());
  const t0 = Date.now();
  const code = await new Promise((resolve) => {
    jest = spawn(process.execPath, [JEST, ...jestArgs], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    jest.on('error', (err) => {
      console.error(`[run-tests] could not run Jest: ${err.message}`);
      resolve(1);
    });
    jest.on('exit', (exitCode, signal) => {
      if (signal) console.error(`[run-tests] Jest was killed by ${signal}`);
      resolve(exitCode ?? SIGNAL_EXIT_CODES[signal] ?? 1);
    });
  });
  jest = undefined;
  say(`jest exited with ${code} after ${seconds(t0)}`);
  return code;
}

/** Starts one server, records how to stop it, and reports what happened with timings. */
async function startServer(name, start, onReady) {
  const t0 = Date.now();
  say(`${name}: starting`);
  try {
    const result = await start();
    if (!result.reused) stops.push({ name, stop: result.stop });
    onReady(result);
    say(
      `${name}: ${result.reused ? 'reusing the server already running (left running afterwards)' : 'ready'} (${seconds(t0)})`,
    );
    return result;
  } catch (err) {
    throw new Error(`${name} failed to start after ${seconds(t0)}: ${err.message}`, { cause: err });
  }
}

function prefixed(name) {
  return (line) => say(`${name}: ${line}`);
}

let cleanedUp;
function cleanup() {
  cleanedUp ??= Promise.all(
    stops.splice(0).map(async ({ name, stop }) => {
      const t0 = Date.now();
      try {
        await stop();
        say(`${name}: stopped (${seconds(t0)})`);
      } catch (err) {
        console.error(`[run-tests] ${name}: failed to stop: ${err.message}`);
      }
    }),
  );
  return cleanedUp;
}

for (const sig of SIGNALS) {
  process.on(sig, () => {
    if (!interrupted) {
      interrupted = sig;
      say(`${sig}: stopping${jest ? ' Jest and' : ''} the servers this run started`);
      jest?.kill(sig); // the exit handler above then lets main() finish and clean up
    } else if (jest) {
      jest.kill('SIGKILL'); // a second signal: don't wait for Jest any longer
    }
  });
}

for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => {
    console.error(`[run-tests] ${event}:`, err);
    jest?.kill('SIGTERM');
    cleanup().finally(() => process.exit(1));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error('[run-tests] failed:', err);
  exitCode = 1;
} finally {
  await cleanup();
}
if (interrupted && exitCode === 0) exitCode = SIGNAL_EXIT_CODES[interrupted];
process.exit(exitCode);
