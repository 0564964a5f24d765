#!/usr/bin/env node
// `npm run tenants -- <command>`: the platform operator's CLI. It talks to a running gateway's REST API
// (/api/v1/tenants) with the operator's credentials, prints what it got, and exits non-zero with the
// problem's message when the API refuses. Nothing here touches the database or the services directly.
import { parseArgs } from 'node:util';

const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

const USAGE = `Usage: npm run tenants -- <command> [options]

Commands:
  create --name <name> --admin-username <u> --admin-password <p> [--admin-display-name <n>] [--time-zone <tz>]
  list [--status active|disabled]
  get <tenant id>
  disable <tenant id>
  enable <tenant id>

Options (or environment):
  --url <gateway URL>            SERVICEOPS_URL (default http://localhost:3000)
  --operator-username <name>     SERVICEOPS_OPERATOR_USERNAME (default operator)
  --operator-password <password> SERVICEOPS_OPERATOR_PASSWORD, else PLATFORM_OPERATOR_PASSWORD
  --json                         print the API's JSON answers as they are
`;

class UsageError extends Error {}

class ApiError extends Error {
  constructor(status, problem) {
    const errors = Array.isArray(problem?.errors)
      ? problem.errors.map((e) => `\n  ${e.path}: ${e.message}`).join('')
      : '';
    super(
      `${status} ${problem?.code ?? 'ERROR'}: ${problem?.detail ?? problem?.title ?? 'request failed'}${errors}`,
    );
    this.status = status;
    this.problem = problem;
  }
}

function options(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      'operator-username': { type: 'string' },
      'operator-password': { type: 'string' },
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      'admin-username': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-display-name': { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return { values, positionals };
}

function required(value, flag) {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

async function api(base, method, path, { token, body, ifMatch } = {}) {
  let res;
  try {
    res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new Error(`cannot reach the gateway at ${base}: ${error.cause?.message ?? error.message}`);
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = { detail: text };
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return { body: json, headers: res.headers };
}

async function logIn(base, values) {
  const username = values['operator-username'] ?? process.env.SERVICEOPS_OPERATOR_USERNAME ?? 'operator';
  const password =
    values['operator-password'] ??
    process.env.SERVICEOPS_OPERATOR_PASSWORD ??
    process.env.PLATFORM_OPERATOR_PASSWORD;
  if (!password)
    throw new UsageError(
      'the operator password is needed: --operator-password, or SERVICEOPS_OPERATOR_PASSWORD in the environment',
    );
  const { body } = await api(base, 'POST', '/auth/token', {
    body: { username, password, tenantId: PLATFORM_TENANT_ID },
  });
  return body.accessToken;
}

function line(tenant) {
  return [tenant.id, tenant.status.padEnd(8), `v${tenant.version}`, tenant.timeZone, tenant.name].join('  ');
}

async function run(argv, out) {
  const { values, positionals } = options(argv);
  const [command, ...rest] = positionals;
  if (values.help) return out(USAGE);
  if (!command) throw new UsageError('a command is required');
  const base = (values.url ?? process.env.SERVICEOPS_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const idArgument = () => {
    if (rest.length !== 1) throw new UsageError(`${command} takes one tenant id`);
    return encodeURIComponent(rest[0]);
  };
  const show = (tenant, what) =>
    out(values.json ? JSON.stringify(tenant, null, 2) : `${what}${line(tenant)}`);

  switch (command) {
    case 'create': {
      const body = {
        name: required(values.name, '--name'),
        ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
        admin: {
          username: required(values['admin-username'], '--admin-username'),
          password: required(values['admin-password'], '--admin-password'),
          ...(values['admin-display-name'] ? { displayName: values['admin-display-name'] } : {}),
        },
      };
      const token = await logIn(base, values);
      const { body: tenant } = await api(base, 'POST', '/tenants', { token, body });
      if (values.json) out(JSON.stringify(tenant, null, 2));
      else {
        out(`created  ${line(tenant)}`);
        out(
          `admin    ${body.admin.username} (user ${tenant.adminUserId}): log in with tenantId ${tenant.id}`,
        );
      }
      return;
    }
    case 'list': {
      if (rest.length > 0) throw new UsageError('list takes no arguments');
      const token = await logIn(base, values);
      const items = [];
      let cursor;
      do {
        const query = new URLSearchParams({ limit: '200' });
        if (values.status) query.set('status', values.status);
        if (cursor) query.set('cursor', cursor);
        const { body } = await api(base, 'GET', `/tenants?${query}`, { token });
        items.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      if (values.json) out(JSON.stringify({ items }, null, 2));
      else if (items.length === 0) out('no tenants');
      else for (const tenant of items) out(line(tenant));
      return;
    }
    case 'get': {
      const id = idArgument();
      const token = await logIn(base, values);
      show((await api(base, 'GET', `/tenants/${id}`, { token })).body, '');
      return;
    }
    case 'disable':
    case 'enable': {
      const id = idArgument();
      const token = await logIn(base, values);
      show((await api(base, 'POST', `/tenants/${id}/${command}`, { token })).body, `${command}d  `);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`)).catch((error) => {
  if (error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    process.stderr.write(`tenants: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`tenants: ${error.message}\n`);
  process.exit(1);
});
