// PostgreSQL and Kafka for the length of one script's run (`npm test`, `npm run bench`), and that run's lifetime:
//
//   runScript({ say, warn, stopChild, main: async ({ interrupted }) => {
//     const servers = await startServers({ postgres: { port: 55432 }, kafka: false, env: process.env, say, warn });
//     if (!servers) return 1; // a server failed to start (already reported)
//     ...run something with servers.env; return its exit code
//   } });
//
// startServers starts the servers side by side, each unless its variable (DATABASE_URL, KAFKA_BROKERS) is already
// set; a server found already running on its port is reused. runScript stops the servers this process started (never
// reused ones, never given ones) once main() is over: when it returns or throws, on an uncaught error, and on
// SIGINT/SIGTERM/SIGHUP, which stop the script's child process through stopChild so that main() comes to its end.
import { startKafka } from './kafka.mjs';
import { startPostgres } from './postgres.mjs';

export const SIGNAL_EXIT_CODES = Object.freeze({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 });

export const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const SERVERS = Object.freeze([
  {
    key: 'postgres',
    name: 'PostgreSQL',
    variable: 'DATABASE_URL',
    start: startPostgres,
    address: (result) => result.url,
    given: () => 'using DATABASE_URL from the environment', // not its value: it holds a password
  },
  {
    key: 'kafka',
    name: 'Kafka',
    variable: 'KAFKA_BROKERS',
    start: startKafka,
    address: (result) => result.brokers,
    given: (brokers) => `using KAFKA_BROKERS=${brokers} from the environment`,
  },
]);

const started = []; // { name, stop } of the servers this process started, not of the ones it reused
let stopping;

/**
 * Starts (or reuses) PostgreSQL and Kafka side by side, reporting each step with its timing.
 * @param {{ postgres: object | false, kafka: object | false, env: NodeJS.ProcessEnv,
 *   say: (line: string) => void, warn: (line: string) => void }} options
 *   postgres, kafka: options for startPostgres / startKafka (dataDir, port, fresh), or false when not needed.
 *   A server whose variable is set in env (DATABASE_URL, KAFKA_BROKERS) is not started: that one is used.
 * @returns {Promise<{ env: NodeJS.ProcessEnv, postgres?: Source, kafka?: Source } | undefined>}
 *   env: a copy of env with DATABASE_URL and KAFKA_BROKERS set; per server asked for, where it comes from
 *   ('environment', 'reused': already running on the port, or 'started': stopped again by runScript).
 *   Undefined when a server failed to start: each failure, naming the server, has gone to warn (the servers that did
 *   start are stopped by runScript all the same).
 * @typedef {'environment' | 'reused' | 'started'} Source
 */
export async function startServers({ env, say, warn, ...wanted }) {
  const t0 = Date.now();
  const result = { env: { ...env } };
  const starts = [];
  for (const server of SERVERS) {
    const options = wanted[server.key];
    if (!options) continue;
    const value = result.env[server.variable];
    if (value) {
      say(`${server.name}: ${server.given(value)}`);
      result[server.key] = 'environment';
      continue;
    }
    starts.push(
      startServer(server, options, say).then((r) => {
        result.env[server.variable] = server.address(r);
        result[server.key] = r.reused ? 'reused' : 'started';
      }),
    );
  }
  const failures = (await Promise.allSettled(starts)).filter((r) => r.status === 'rejected');
  for (const { reason } of failures) {
    console.error('');
    warn(reason.message);
  }
  if (failures.length > 0) return undefined;
  if (starts.length > 0) say(`servers ready in ${seconds(t0)}`);
  return result;
}

async function startServer({ name, start }, options, say) {
  const t0 = Date.now();
  say(`${name}: starting`);
  try {
    const result = await start({ ...options, log: (line) => say(`${name}: ${line}`) });
    if (!result.reused) started.push({ name, stop: result.stop });
    say(
      `${name}: ${result.reused ? 'reusing the server already running (left running afterwards)' : 'ready'} (${seconds(t0)})`,
    );
    return result;
  } catch (err) {
    throw new Error(`${name} failed to start after ${seconds(t0)}: ${err.message}`, { cause: err });
  }
}

/** Stops every server startServers started, side by side; the same promise for every call. */
function stopServers(say, warn) {
  stopping ??= Promise.all(
    started.splice(0).map(async ({ name, stop }) => {
      const t0 = Date.now();
      try {
        await stop();
        say(`${name}: stopped (${seconds(t0)})`);
      } catch (err) {
        warn(`${name}: failed to stop: ${err.message}`);
      }
    }),
  );
  return stopping;
}

/**
 * Runs main() as the whole script, stops the servers it started, and exits the process.
 * The first SIGINT/SIGTERM/SIGHUP calls stopChild with that signal (main() then sees the child end, and
 * interrupted() tells it why), a later one with SIGKILL; an uncaught error calls it with SIGTERM, stops the servers
 * and exits with 1.
 * @param {{ main: (run: { interrupted: () => NodeJS.Signals | undefined }) => Promise<number>,
 *   stopChild: (signal: NodeJS.Signals) => string | undefined,
 *   say: (line: string) => void, warn: (line: string, ...details: unknown[]) => void }} script
 *   stopChild: signals the script's child process if one runs, and returns what it was ('Jest'), else undefined.
 * @returns {Promise<never>} exits with main()'s code; with the signal's (130, 143, 129) when interrupted and that
 *   code is 0; with 1 when main() throws.
 */
export async function runScript({ main, stopChild, say, warn }) {
  let interrupted;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (interrupted) {
        stopChild('SIGKILL'); // a second signal: don't wait for the child any longer
        return;
      }
      interrupted = signal;
      const child = stopChild(signal);
      say(`${signal}: stopping${child ? ` ${child} and` : ''} the servers this run started`);
    });
  }
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (err) => {
      warn(`${event}:`, err);
      stopChild('SIGTERM');
      stopServers(say, warn).finally(() => process.exit(1));
    });
  }

  let exitCode = 1;
  try {
    exitCode = await main({ interrupted: () => interrupted });
  } catch (err) {
    warn('failed:', err);
    exitCode = 1;
  } finally {
    await stopServers(say, warn);
  }
  if (interrupted && exitCode === 0) exitCode = SIGNAL_EXIT_CODES[interrupted];
  process.exit(exitCode);
}
