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
import { REPO_ROOT } from './postgres.mjs';
import { SIGNAL_EXIT_CODES, runScript, seconds, startServers } from './servers.mjs';

const JEST = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

const say = (line) => console.log(`[run-tests] ${line}`);
const warn = (line, ...details) => console.error(`[run-tests] ${line}`, ...details);

let jest; // the Jest child process while it runs

await runScript({ main, stopChild, say, warn });

async function main({ interrupted }) {
  const args = process.argv.slice(2);
  const unit = args.includes('--unit');
  // --selectProjects takes every following word as a project name: it goes last.
  const jestArgs = unit ? [...args.filter((a) => a !== '--unit'), '--selectProjects', 'unit'] : args;
  // The partitioner notice kafkajs prints for every new producer is noise in test output.
  let env = { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env };

  if (!unit) {
    const fresh = process.env.SERVICEOPS_FRESH_INFRA === '1';
    const servers = await startServers({ postgres: { fresh }, kafka: { fresh }, env, say, warn });
    if (!servers) {
      say('not running the suites without their servers');
      return 1;
    }
    env = { ...servers.env, SERVICEOPS_TEST_INFRA: '1' };
  }

  if (interrupted()) return SIGNAL_EXIT_CODES[interrupted()];
  say(`jest ${jestArgs.join(' ')}`.trimEnd());
  const t0 = Date.now();
  const code = await new Promise((resolve) => {
    jest = spawn(process.execPath, [JEST, ...jestArgs], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    jest.on('error', (err) => {
      warn(`could not run Jest: ${err.message}`);
      resolve(1);
    });
    jest.on('exit', (exitCode, signal) => {
      if (signal) warn(`Jest was killed by ${signal}`);
      resolve(exitCode ?? SIGNAL_EXIT_CODES[signal] ?? 1);
    });
  });
  jest = undefined;
  say(`jest exited with ${code} after ${seconds(t0)}`);
  return code;
}

/** On a signal: Jest gets it too; its exit then lets main() finish. */
function stopChild(signal) {
  if (!jest) return undefined;
  jest.kill(signal);
  return 'Jest';
}
