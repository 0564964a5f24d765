import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { ADMIN_PASSWORD, REPO_ROOT, startPlatform, type RunningPlatform } from './platform';

// Schema-driven fuzzing of the whole OpenAPI document with schemathesis (pinned in infra/schemathesis/, installed
// by infra/schemathesis.mjs on first use). A fixed seed and a bounded number of generated requests per operation
// keep the run reproducible and short. It fails on any 5xx, on any answer that breaks its documented schema or
// status codes, on schema-invalid data accepted, and on a schema-valid request refused with 400: the spec must
// state every constraint the gateway enforces. 404/409/422 stay acceptable for valid data (random ids do not exist,
// business rules may refuse).

const SEED = Number(process.env['OPENAPI_FUZZ_SEED'] ?? 20260101);
const MAX_EXAMPLES = Number(process.env['OPENAPI_FUZZ_MAX_EXAMPLES'] ?? 25);
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
];
/** What a schema-valid request may get: not 400 (nor 5xx, which not_a_server_error reports on its own). */
const POSITIVE_ACCEPTED = ['2xx', '401', '403', '404', '409', '422', '5xx'];
/** The reports and the findings, kept after the run for a look (.data is not committed). */
const OUT_DIR = path.join(REPO_ROOT, '.data', 'openapi-fuzz');
/** The platform's data and service logs, kept too: a 5xx is explained in `logs/<service>.log`. */
const PLATFORM_DIR = path.join(REPO_ROOT, '.data', 'openapi-fuzz-platform');
const SCHEMATHESIS_CLI = path.join(REPO_ROOT, 'infra', 'schemathesis.mjs');

describe('the OpenAPI document, fuzzed with schemathesis', () => {
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    // Install first (once per machine, cached): a failed install should not wait for the platform.
    const install = await runNode([SCHEMATHESIS_CLI, '--install'], REPO_ROOT);
    if (install.code !== 0) throw new Error(`installing schemathesis failed:\n${install.output}`);
    rmSync(PLATFORM_DIR, { recursive: true, force: true });
    platform = await startPlatform({
      dataDir: PLATFORM_DIR,
      // The fuzzer's thousands of wrong passwords would lock its logins (a 429 it takes for a schema-valid
      // request refused): the rate limit and the login locks are tested in gateway.int.spec.ts.
      env: {
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000000',
        LOGIN_MAX_FAILURES_PER_CLIENT: '100000000',
        // Random customer ids are the fuzzer's norm: answer their 404 at once instead of waiting for an event
        // that will never come (orders-customers.int.spec.ts tests the wait).
        CUSTOMER_ARRIVAL_WAIT_MS: '0',
        // Likewise random staff ids in a link of a user (staff-links.int.spec.ts tests that wait).
        STAFF_ARRIVAL_WAIT_MS: '0',
        LOG_LEVEL: 'warn',
      },
    });
    const res = await request(platform.url)
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    token = (res.body as { accessToken: string }).accessToken;
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers every generated request within its schema, without 5xx, and accepts every schema-valid one', async () => {
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    const config = path.join(OUT_DIR, 'schemathesis.toml');
    writeFileSync(
      config,
      [
        '[checks.positive_data_acceptance]',
        `expected-statuses = ${JSON.stringify(POSITIVE_ACCEPTED)}`,
        '',
        '# Hide the token only: passwords and Idempotency-Keys shown make the reproductions work.',
        '[output.sanitization]',
        'keys-to-sanitize = ["authorization"]',
        'sensitive-markers = ["authorization"]',
        '',
      ].join('\n'),
    );
    const origin = `http://127.0.0.1:${platform.ports.gateway.HTTP_PORT}`;
    const t0 = Date.now();
    const run = await runNode(
      [
        SCHEMATHESIS_CLI,
        '--config-file',
        config,
        'run',
        `${origin}/api/docs-json`,
        '--url',
        origin,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        CHECKS.join(','),
        '--seed',
        String(SEED),
        '--max-examples',
        String(MAX_EXAMPLES),
        '--phases',
        'examples,coverage,fuzzing', // not stateful: links could reach the admin's own user (disable, roles)
        // One worker: with two threads CPython 3.11 can fail inside its compiler (SystemError "AST constructor
        // recursion depth mismatch", python/cpython#106905, a counter shared between threads), which fails the run.
        '--workers',
        '1',
        '--continue-on-failure',
        '--generation-database',
        'none',
        '--request-timeout',
        '30',
        '--report',
        'junit,ndjson',
        '--report-dir',
        OUT_DIR,
        '--no-color',
      ],
      OUT_DIR,
    );
    const seconds = (Date.now() - t0) / 1000;
    writeFileSync(path.join(OUT_DIR, 'schemathesis.log'), run.output);

    const ndjson = readdirSync(OUT_DIR).find((f) => f.endsWith('.ndjson'));
    if (!ndjson)
      throw new Error(`schemathesis wrote no report (exit ${run.code}):\n${run.output.slice(-4000)}`);
    const result = summarize(readFileSync(path.join(OUT_DIR, ndjson), 'utf8'), token);
    const report = formatFindings(result, { seconds, seed: SEED, maxExamples: MAX_EXAMPLES });
    writeFileSync(path.join(OUT_DIR, 'findings.txt'), report);
    console.log(
      `OpenAPI fuzz: ${result.operations} operations, ${result.requests} requests, ${result.failedCases} failing ` +
        `requests, ${result.findings.length} distinct findings in ${seconds.toFixed(1)} s ` +
        `(seed ${SEED}, ${MAX_EXAMPLES} examples per operation; details in ${path.relative(REPO_ROOT, OUT_DIR)}/)`,
    );

    expect(result.operations).toBeGreaterThan(30); // the whole document, not a spec that failed to load
    if (result.findings.length > 0) throw new Error(report);
    // schemathesis's own verdict as well: anything it counts as a failure or an error that the report lacks
    if (run.code !== 0) throw new Error(`schemathesis exited with ${run.code}:\n${run.output.slice(-6000)}`);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Reading the NDJSON event stream: every scenario carries its cases, the checks run on each and the interactions.

interface Interaction {
  request: {
    method: string;
    uri: string;
    headers: Record<string, string[]>;
    body?: { $base64?: string; string?: string };
  };
  response?: { status_code: number; content?: { $base64?: string; string?: string } } | null;
}
interface CheckRecord {
  name: string;
  status: string;
  failure_info?: { failure: { title: string; message: string } };
}
interface ScenarioFinished {
  phase: string;
  recorder: {
    label: string;
    checks?: Record<string, CheckRecord[]>;
    interactions?: Record<string, Interaction>;
  };
}
interface Problem {
  code?: string;
  detail?: string;
  errors?: { path?: string; message?: string }[];
}

interface Finding {
  readonly operation: string;
  readonly check: string;
  readonly status: number | undefined;
  /** What went wrong, independent of the generated values (one field or one message). */
  readonly what: string;
  readonly count: number;
  readonly sent: string;
  readonly answer: string;
  readonly curl: string;
}

interface FuzzResult {
  readonly operations: number;
  readonly requests: number;
  readonly failedCases: number;
  readonly findings: Finding[];
}

function summarize(ndjson: string, token: string): FuzzResult {
  const operations = new Set<string>();
  const failedCases = new Set<string>();
  let requests = 0;
  const findings = new Map<string, Finding>();
  for (const line of ndjson.split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    operations.add(recorder.label);
    const interactions = recorder.interactions ?? {};
    requests += Object.keys(interactions).length;
    for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
      const interaction = interactions[caseId];
      for (const check of checks) {
        if (check.status !== 'failure') continue;
        failedCases.add(`${recorder.label} ${caseId}`);
        const status = interaction?.response?.status_code;
        const answer = decode(interaction?.response?.content);
        for (const what of whatFailed(check, answer)) {
          const key = `${recorder.label}\u0000${check.name}\u0000${status}\u0000${what}`;
          const seen = findings.get(key);
          const sent = interaction ? sentOf(interaction) : '(no request recorded)';
          // The shortest request that shows it is the one to read and replay.
          const example =
            seen && seen.sent.length <= sent.length
              ? seen
              : { sent, answer: clip(answer, 400), curl: interaction ? curlOf(interaction, token) : '' };
          findings.set(key, {
            operation: recorder.label,
            check: check.name,
            status,
            what,
            count: (seen?.count ?? 0) + 1,
            sent: example.sent,
            answer: example.answer,
            curl: example.curl,
          });
        }
      }
    }
  }
  const findingList = [...findings.values()].sort(
    (a, b) =>
      a.check.localeCompare(b.check) ||
      a.what.localeCompare(b.what) ||
      a.operation.localeCompare(b.operation),
  );
  return { operations: operations.size, requests, failedCases: failedCases.size, findings: findingList };
}

/**
 * The causes a failure has, stripped of generated values: for a refused valid request, each field the problem
 * names (a property the schema allows but the gateway calls unknown reads `<parent>.* unknown property`); for the
 * other checks, the check's own message.
 */
function whatFailed(check: CheckRecord, answer: string): string[] {
  const problem = parseProblem(answer);
  if (check.name === 'positive_data_acceptance' && problem) {
    if (problem.errors?.length) {
      const causes = problem.errors.map(({ path: field = '', message = '' }) => {
        const unknown = /^property (.*) should not exist$/s.exec(message);
        if (!unknown) return `${problem.code ?? ''} ${anyIndex(field)}: ${message}`;
        return `${problem.code ?? ''} ${anyIndex(parentOf(field, unknown[1] ?? ''))}.* unknown property refused (the schema allows additional properties)`;
      });
      return [...new Set(causes)];
    }
    return [`${problem.code ?? ''} ${problem.detail ?? ''}`];
  }
  const failure = check.failure_info?.failure;
  const full = failure?.message ?? '';
  // The generated or returned value leads the first line; the schema location says where.
  const first = (full.split('\n')[0] ?? '').replace(/^(".*?"|\S+) is /, '<value> is ');
  const at = /^Schema at (\S+):$/m.exec(full)?.[1];
  return [`${failure?.title ?? check.name}: ${first}${at ? ` (${at})` : ''}`.trim()];
}

/** The object holding an unknown property: `care.x` → `care`, `workingHours[0].x` → `workingHours[0]`. */
function parentOf(field: string, name: string): string {
  if (field === '(body)' || field === name) return '(body)';
  if (name === '') return field; // an empty key: the path names its object
  if (field.endsWith(`.${name}`)) return field.slice(0, -name.length - 1);
  if (field.endsWith(`[${name}]`)) return field.slice(0, -name.length - 2) || '(body)';
  return field;
}

/** `workingHours[3].weekday` → `workingHours[].weekday`: the same finding whichever element it was. */
function anyIndex(field: string): string {
  return field.replace(/\[\d+\]/g, '[]');
}

function parseProblem(answer: string): Problem | undefined {
  try {
    const parsed = JSON.parse(answer) as unknown;
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function decode(content: { $base64?: string; string?: string } | undefined | null): string {
  if (!content) return '';
  if (content.string !== undefined) return content.string;
  return content.$base64 ? Buffer.from(content.$base64, 'base64').toString('utf8') : '';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

const SHOWN_HEADERS = /^(if-match|idempotency-key|x-on-behalf-of|x-purpose|x-correlation-id|content-type)$/i;

function sentOf({ request: req }: Interaction): string {
  const headers = Object.entries(req.headers)
    .filter(([name]) => SHOWN_HEADERS.test(name) && !/^content-type$/i.test(name))
    .map(([name, values]) => `${name}: ${JSON.stringify(values.join(', '))}`);
  const body = decode(req.body);
  const url = new URL(req.uri);
  return clip(
    [`${req.method} ${url.pathname}${url.search}`, ...headers, ...(body ? [`body ${body}`] : [])].join('  '),
    600,
  );
}

function curlOf({ request: req }: Interaction, token: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-si', '-X', req.method, quote(req.uri), '-H', '"authorization: Bearer $TOKEN"'];
  for (const [name, values] of Object.entries(req.headers)) {
    if (!SHOWN_HEADERS.test(name)) continue;
    parts.push('-H', quote(`${name}: ${values.join(', ')}`));
  }
  const body = decode(req.body);
  if (body) parts.push('--data-raw', quote(body));
  return clip(parts.join(' ').replaceAll(token, '$TOKEN'), 1200);
}

function formatFindings(
  result: FuzzResult,
  run: { seconds: number; seed: number; maxExamples: number },
): string {
  const lines = [
    `${result.findings.length} distinct findings in ${result.failedCases} failing requests ` +
      `(${result.operations} operations, ${result.requests} requests, seed ${run.seed}, ` +
      `${run.maxExamples} examples per operation, ${run.seconds.toFixed(1)} s)`,
  ];
  let check = '';
  for (const [i, f] of result.findings.entries()) {
    if (f.check !== check) {
      check = f.check;
      lines.push('', `== ${check}`);
    }
    lines.push(
      '',
      `${i + 1}. ${f.operation} → ${f.status ?? 'no answer'}: ${f.what} (${f.count}×)`,
      `   sent:   ${f.sent}`,
      `   answer: ${f.answer}`,
      `   again:  ${f.curl}`,
    );
  }
  return lines.join('\n');
}

function runNode(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk); // install progress shows as it happens
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
