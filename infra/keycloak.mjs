// Real Keycloak for the single sign-on test: the release distribution from Maven Central
// (org.keycloak:keycloak-quarkus-dist, a zip), unpacked once into the cache and run on the machine's JDK.
//
//   node infra/keycloak.mjs fetch   downloads and prepares it once, prints where it is
//   node infra/keycloak.mjs home    the same, printing only its directory (for scripts and tests)
//
// Maven fetches it (strict checksums, `-C`), as it fetches Kafka's jars: no other host than Maven Central is
// needed. Preparing includes Keycloak's build step for an in-memory database, so the test starts it with
// `kc.sh start --optimized` (about half the time of `start-dev`, which re-builds). The test starts and stops the
// server itself (apps/e2e/src/keycloak.ts); the example realm it imports is infra/keycloak/serviceops-realm.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliWhenMain } from './cli.mjs';
import { ensureJava } from './kafka.mjs';
import { run } from './run.mjs';

/** 26.4 is the newest line that still runs on Java 17, which Debian 12 ships. */
export const KEYCLOAK_VERSION = '26.4.0';
const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`;
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
/** What the server is built for: an in-memory database, nothing kept between starts (tests only). */
const BUILD_OPTIONS = ['--db=dev-mem'];

/** `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/keycloak-<version>` */
export function keycloakCacheDir() {
  const root = process.env.SERVICEOPS_CACHE || path.join(os.homedir(), '.cache', 'serviceops');
  return path.join(root, `keycloak-${KEYCLOAK_VERSION}`);
}

/**
 * Makes sure the distribution is unpacked and built in the cache, downloading it with Maven once.
 * @returns {Promise<{ home: string, downloaded: boolean }>}
 */
export async function ensureKeycloak({ log = () => {} } = {}) {
  const cacheDir = keycloakCacheDir();
  const home = path.join(cacheDir, `keycloak-${KEYCLOAK_VERSION}`);
  const marker = path.join(cacheDir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(path.join(home, 'bin', 'kc.sh')))
    return { home, downloaded: false };

  ensureJava();
  if (spawnSync('mvn', ['--version']).error)
    throw new Error(
      'Maven (mvn) is needed once to download Keycloak but is not on PATH: apt-get install -y maven',
    );
  fs.mkdirSync(cacheDir, { recursive: true });
  // Unpack into a private directory and move it into place only when complete and built, so an interrupted or
  // concurrent download never leaves a half-filled distribution behind a marker.
  const partial = path.join(cacheDir, `partial-${process.pid}-${Date.now()}`);
  log(`downloading Keycloak ${KEYCLOAK_VERSION} (about 160 MB) into ${cacheDir}`);
  fs.mkdirSync(partial);
  try {
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-C',
        '-Dstyle.color=never',
        `${DEPENDENCY_PLUGIN}:unpack`,
        `-Dartifact=${ARTIFACT}`,
        `-DoutputDirectory=${partial}`,
      ],
      // Without a project the plugin keeps its "already unpacked" markers under a literal `${project.basedir}/`
      // of the working directory: let that be the private directory, removed below.
      { cwd: partial },
    );
    const unpacked = path.join(partial, `keycloak-${KEYCLOAK_VERSION}`);
    if (!fs.existsSync(path.join(unpacked, 'bin', 'kc.sh')))
      throw new Error(`Maven finished, but ${unpacked} has no bin/kc.sh`);
    log('building it for an in-memory database (once)');
    await run(path.join(unpacked, 'bin', 'kc.sh'), ['build', ...BUILD_OPTIONS]);
    fs.rmSync(home, { recursive: true, force: true });
    fs.renameSync(unpacked, home);
    fs.writeFileSync(marker, `${ARTIFACT}\n`);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return { home, downloaded: true };
}

runCliWhenMain(import.meta.url, 'Keycloak', {
  async fetch(_options, log) {
    const { home, downloaded } = await ensureKeycloak({ log });
    log(`${downloaded ? 'ready' : 'already here'}: ${home}`);
    return 0;
  },
  async home() {
    const { home } = await ensureKeycloak({ log: (line) => process.stderr.write(`Keycloak: ${line}\n`) });
    process.stdout.write(`${home}\n`);
    return 0;
  },
});
