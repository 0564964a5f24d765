// Real Apache Kafka for tests and local development: a single-node KRaft broker (broker + controller in one JVM),
// run from the release jars on Maven Central (see infra/kafka/pom.xml), cached outside the repository.
//
//   import { startKafka } from './kafka.mjs';
//   const { brokers, stop } = await startKafka();   // brokers: '127.0.0.1:19092'
//
// CLI: node infra/kafka.mjs start|stop|status|jars [--data-dir DIR] [--port N] [--fresh]
//
// The broker is always a detached process (own session, pid file in the data directory), so it survives the
// script that started it; stop() (or `node infra/kafka.mjs stop`) ends it. Idempotent: the jars are downloaded
// once (marker file), a formatted data directory is reused, and a broker already answering on the port is reused
// as it is (its stop() then does nothing).
import { spawn, spawnSync } from 'node:child_process';
import { run } from './run.mjs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { runCliWhenMain } from './cli.mjs';

const { Kafka, logLevel } = kafkajs;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const KAFKA_VERSION = '3.9.1'; // keep in step with infra/kafka/pom.xml
const POM = path.join(REPO_ROOT, 'infra', 'kafka', 'pom.xml');

export const KAFKA_DEFAULTS = Object.freeze({
  dataDir: path.join(REPO_ROOT, '.data', 'test-kafka'),
  port: 19092, // the KRaft controller listens on port + 1
});

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const JAVA_INSTALL_HINT =
  'install a Java runtime (17 or newer), e.g. `apt-get install -y default-jre-headless`';

/** `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/kafka-<version>` */
export function kafkaCacheDir() {
  const root = process.env.SERVICEOPS_CACHE || path.join(os.homedir(), '.cache', 'serviceops');
  return path.join(root, `kafka-${KAFKA_VERSION}`);
}

/**
 * Makes sure the Kafka jars are in the cache, downloading them with Maven once.
 * The marker file records the pom's hash, so changing the pom downloads again.
 * @returns {Promise<{ libsDir: string, downloaded: boolean }>}
 */
export async function ensureKafkaJars({ log = () => {} } = {}) {
  const cacheDir = kafkaCacheDir();
  const libsDir = path.join(cacheDir, 'libs');
  const marker = path.join(cacheDir, '.complete');
  const pomHash = createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
  if (readText(marker)?.trim() === pomHash && hasKafkaJar(libsDir)) return { libsDir, downloaded: false };

  const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (mvn.error) {
    throw new Error(
      `Maven (mvn) is needed once to download the Kafka jars but is not on PATH: apt-get install -y maven`,
    );
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  // Download into a private directory and move it into place only when complete, so an interrupted download
  // or a concurrent one never leaves a half-filled libs/ behind a marker.
  const partial = path.join(cacheDir, `libs.partial-${process.pid}-${Date.now()}`);
  log(`downloading Kafka ${KAFKA_VERSION} jars into ${libsDir}`);
  try {
    await run('mvn', [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      POM,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${partial}`,
    ]);
    if (!hasKafkaJar(partial))
      throw new Error(`Maven finished, but ${partial} has no kafka_2.13-${KAFKA_VERSION}.jar`);
    fs.rmSync(libsDir, { recursive: true, force: true });
    fs.renameSync(partial, libsDir);
    fs.writeFileSync(marker, `${pomHash}\n`);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return { libsDir, downloaded: true };
}

/**
 * Starts (or reuses) a single-node KRaft broker.
 * @param {{ dataDir?: string, port?: number, fresh?: boolean, log?: (line: string) => void }} [options]
 *   fresh: delete the data directory first (refused while a broker answers on the port).
 * @returns {Promise<{ brokers: string, stop: () => Promise<void>, reused: boolean, formatted: boolean, pid?: number }>}
 */
export async function startKafka({
  dataDir = KAFKA_DEFAULTS.dataDir,
  port = KAFKA_DEFAULTS.port,
  fresh = false,
  log = () => {},
} = {}) {
  dataDir = path.resolve(dataDir);
  const brokers = `127.0.0.1:${port}`;
  const files = kafkaFiles(dataDir);

  if (await portOpen(port)) {
    if (fresh)
      throw new Error(`fresh Kafka requested, but something already listens on port ${port}: stop it first`);
    // A broker (perhaps still starting) or something else: give it the usual time to become a usable broker.
    log(`port ${port} is open; waiting for the broker there to be ready`);
    await waitUntilReady(brokers, { isAlive: () => true, files, timeoutMs: READY_TIMEOUT_MS });
    log(`reusing the Kafka broker already running on port ${port}`);
    return { brokers, stop: async () => {}, reused: true, formatted: false };
  }

  ensureJava();
  // A broker of ours that is alive but does not listen (hung, or half shut down) holds the data directory's lock.
  await stopKafka({ dataDir, quiet: true });
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });

  const { libsDir } = await ensureKafkaJars({ log });
  const classpath = `${libsDir}${path.sep}*`;
  fs.mkdirSync(files.logDir, { recursive: true });
  fs.writeFileSync(files.serverProperties, serverProperties({ port, logDir: files.logDir }));
  fs.writeFileSync(files.log4jProperties, log4jProperties(files.serverLog));
  const javaOptions = [`-Dlog4j.configuration=file:${files.log4jProperties}`, '-Djava.awt.headless=true'];

  let formatted = false;
  if (!fs.existsSync(path.join(files.logDir, 'meta.properties'))) {
    const t0 = Date.now();
    const clusterId = (
      await run('java', [...javaOptions, '-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'])
    ).trim();
    await run('java', [
      ...javaOptions,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      files.serverProperties,
    ]);
    formatted = true;
    log(`formatted ${files.logDir} for cluster ${clusterId} (${elapsed(t0)})`);
  }

  const out = fs.openSync(files.stdoutLog, 'a');
  fs.writeSync(out, `\n==== ${new Date().toISOString()} starting Kafka ${KAFKA_VERSION} on port ${port}\n`);
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      ...javaOptions,
      `-Dkafka.logs.dir=${dataDir}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      files.serverProperties,
    ],
    { cwd: dataDir, detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.unref();
  let exit;
  child.on('exit', (code, signal) => (exit = { code, signal }));
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  fs.writeFileSync(files.pidFile, `${child.pid}\n`);

  try {
    await waitUntilReady(brokers, {
      isAlive: () => !exit,
      files,
      timeoutMs: READY_TIMEOUT_MS,
      exitInfo: () => exit,
    });
  } catch (err) {
    await terminate(child.pid, () => !exit);
    fs.rmSync(files.pidFile, { force: true });
    throw err;
  }

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      await terminate(child.pid, () => !exit);
      if (readPid(files.pidFile) === child.pid) fs.rmSync(files.pidFile, { force: true });
    })();
    return stopped;
  };
  return { brokers, stop, reused: false, formatted, pid: child.pid };
}

/**
 * Stops the broker whose pid file is in the data directory (whoever started it): SIGTERM (controlled shutdown),
 * then SIGKILL after 15 s.
 * @returns {Promise<boolean>} whether a broker was running
 */
export async function stopKafka({ dataDir = KAFKA_DEFAULTS.dataDir, quiet = false } = {}) {
  dataDir = path.resolve(dataDir);
  const { pidFile, serverProperties: props } = kafkaFiles(dataDir);
  const pid = readPid(pidFile);
  const ours = pid && processAlive(pid) && commandLine(pid).includes(props);
  if (ours) await terminate(pid, () => processAlive(pid));
  fs.rmSync(pidFile, { force: true });
  if (!quiet)
    console.log(ours ? `Kafka: stopped the broker on ${dataDir}` : `Kafka: no broker running on ${dataDir}`);
  return Boolean(ours);
}

/** Throws a clear error when no usable `java` is on PATH. */
export function ensureJava() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) throw new Error(`Kafka needs Java, but \`java\` is not on PATH: ${JAVA_INSTALL_HINT}`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr ?? '');
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : undefined;
  if (major !== undefined && major < 11) {
    throw new Error(
      `Kafka ${KAFKA_VERSION} needs Java 11 or newer, found Java ${major}: ${JAVA_INSTALL_HINT}`,
    );
  }
}

/**
 * The release of a Kafka broker running on this machine, whoever started it (Kafka's wire protocol does not tell
 * it): the jar on the command line of the java process whose server.properties listens on the port (any port
 * when none is given). Undefined when there is no such process or /proc to look in.
 * @param {number} [port]
 * @returns {string | undefined}
 */
export function runningKafkaVersion(port) {
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const args = readText(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
      const main = args.indexOf('kafka.Kafka');
      if (main < 0) continue;
      let cwd = '/';
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // not ours to look at
      }
      const props = readText(path.resolve(cwd, args[main + 1] ?? '')) ?? '';
      if (port && !new RegExp(`^listeners=.*:${port}\\b`, 'm').test(props)) continue;
      const classpath = args[args.indexOf('-cp') + 1] ?? '';
      for (const entry of classpath.split(':')) {
        const names = entry.endsWith('*') ? listDir(path.dirname(entry)) : [path.basename(entry)];
        const jar = names.map((n) => /^kafka_[\d.]+-(\d+\.\d+\.\d+)\.jar$/.exec(n)).find(Boolean);
        if (jar) return jar[1];
      }
    }
  } catch {
    // no /proc
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

function kafkaFiles(dataDir) {
  return {
    dataDir,
    logDir: path.join(dataDir, 'data'), // Kafka's log.dirs: topic partitions, KRaft metadata, meta.properties
    serverProperties: path.join(dataDir, 'server.properties'),
    log4jProperties: path.join(dataDir, 'log4j.properties'),
    serverLog: path.join(dataDir, 'kafka.log'), // log4j output, WARN and up
    stdoutLog: path.join(dataDir, 'kafka.out'), // the JVM's stdout and stderr
    pidFile: path.join(dataDir, 'kafka.pid'),
  };
}

function serverProperties({ port, logDir }) {
  const controllerPort = port + 1;
  return `# Written by infra/kafka.mjs on every start: edit that file, not this one.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=${logDir}
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
`;
}

function log4jProperties(serverLog) {
  return `# Written by infra/kafka.mjs on every start.
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${serverLog}
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
`;
}

/**
 * Ready means usable by tests: metadata answers, and a topic can be created (its partition gets a leader) and
 * deleted. Retries until timeoutMs; throws with the tail of the broker's logs.
 */
async function waitUntilReady(brokers, { isAlive, files, timeoutMs, exitInfo = () => undefined }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) {
      const exit = exitInfo();
      throw new Error(
        `Kafka exited during start-up (${exit?.signal ? `signal ${exit.signal}` : `code ${exit?.code}`})\n${kafkaLogTail(files)}`,
      );
    }
    try {
      await probeOnce(brokers);
      return;
    } catch (err) {
      lastError = err;
      await sleep(500);
    }
  }
  throw new Error(
    `Kafka on ${brokers} was not ready after ${timeoutMs / 1000} s: ${lastError?.message ?? 'no answer'}\n${kafkaLogTail(files)}`,
  );
}

async function probeOnce(brokers) {
  const kafka = new Kafka({
    clientId: 'serviceops-infra-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 10_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    const topic = `__serviceops_probe_${process.pid}_${Date.now()}`;
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** SIGTERM, wait up to 15 s, then SIGKILL. */
async function terminate(pid, isAlive) {
  if (!pid || !isAlive()) return;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive() && Date.now() < deadline) await sleep(100);
  if (!isAlive()) return;
  signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (isAlive() && Date.now() < killDeadline) await sleep(50);
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true); // something accepted the SYN but is slow: treat as taken
    });
    socket.once('error', () => resolve(false));
  });
}

function kafkaLogTail({ serverLog, stdoutLog }) {
  return [tailOfFile(serverLog), tailOfFile(stdoutLog)].filter(Boolean).join('\n');
}

/** The last lines of a log, without Java stack frames (they would push the actual error out of view). */
function tailOfFile(file, lines = 30) {
  const text = readText(file)
    ?.trimEnd()
    .split('\n')
    .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line))
    .slice(-lines)
    .join('\n');
  return text ? `--- tail of ${file} ---\n${text}` : '';
}

function hasKafkaJar(dir) {
  return fs.existsSync(path.join(dir, `kafka_2.13-${KAFKA_VERSION}.jar`));
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function readPid(pidFile) {
  const pid = Number.parseInt(readText(pidFile) ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function commandLine(pid) {
  return (readText(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ');
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) still "exists".
  const stat = readText(`/proc/${pid}/stat`);
  return !stat || !/^\d+ \(.*\) Z /.test(stat);
}

function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// CLI

runCliWhenMain(import.meta.url, 'Kafka', {
  async start(options, log) {
    const t0 = Date.now();
    const { brokers, reused } = await startKafka({ ...options, log });
    log(reused ? 'already running' : `started in ${elapsed(t0)}`);
    console.log(`export KAFKA_BROKERS=${brokers}`);
    return 0;
  },
  async stop({ dataDir }) {
    await stopKafka({ dataDir });
    return 0;
  },
  async status({ port = KAFKA_DEFAULTS.port }) {
    const up = await probeOnce(`127.0.0.1:${port}`).then(
      () => true,
      () => false,
    );
    console.log(`Kafka on port ${port}: ${up ? 'up' : 'down'}`);
    return up ? 0 : 1;
  },
  async jars(_options, log) {
    const t0 = Date.now();
    const { libsDir, downloaded } = await ensureKafkaJars({ log });
    log(`jars ${downloaded ? `downloaded in ${elapsed(t0)}` : 'already cached'} in ${libsDir}`);
    return 0;
  },
});
