import { defineConfig } from './config-spec';

// The environment each deployable reads: the contract between the services and their deployments
// (npm start's launcher, docker-compose.yml, k8s/). Tests check the deployment files against it.

/** Shared variables of every backend service. */
export const serviceConfigSpec = defineConfig({
  DATABASE_URL: {
    kind: 'url',
    protocols: ['postgres', 'postgresql'],
    doc: 'PostgreSQL connection string; each service keeps its own schema',
    secret: true,
  },
  TRANSPORT: {
    kind: 'enum',
    values: ['log', 'kafka'],
    default: 'log',
    doc: "`log`: consumers read producers' event logs in the same PostgreSQL; `kafka`: relay to Kafka",
  },
  KAFKA_BROKERS: {
    kind: 'list',
    optional: true,
    doc: 'Kafka bootstrap servers, comma-separated (required with `TRANSPORT=kafka`)',
  },
  KAFKA_GROUP_ID_PREFIX: {
    kind: 'string',
    optional: true,
    doc: 'put before every Kafka consumer group id, for deployments sharing one cluster',
  },
  LOG_LEVEL: {
    kind: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    doc: '`fatal` … `trace`, `silent`; JSON lines with trace ids, personal fields censored',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    kind: 'url',
    protocols: ['http', 'https'],
    optional: true,
    doc: 'OTLP/HTTP endpoint for traces (e.g. `http://otel-collector:4318`); unset: traces are not exported',
  },
  DB_POOL_SIZE: { kind: 'int', default: 10, min: 1, max: 200, doc: 'PostgreSQL connections per service' },
  BIND_HOST: {
    kind: 'string',
    default: '127.0.0.1',
    doc:
      'address their gRPC and HTTP ports listen on: loopback keeps them to this machine; containers set `0.0.0.0` ' +
      '(compose, k8s do) and need the network policy, and mTLS or a mesh in production',
  },
  INTERNAL_TOKEN_PUBLIC_KEYS: {
    kind: 'list',
    doc:
      "the gateway's Ed25519 public keys (base64 of SPKI DER, or PEM), comma-separated: a gRPC call is taken only " +
      'with a token one of them verifies (two while rotating; [docs/security.md](docs/security.md))',
  },
});

export const tenancyConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50051, min: 0, max: 65535, doc: 'gRPC port of the tenancy service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3101,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
  ADMIN_PASSWORD: {
    kind: 'string',
    optional: true,
    minLength: 8,
    secret: true,
    doc: "password of the first tenant's `admin` user (first start only); unset: generated and printed once",
  },
  PLATFORM_OPERATOR_PASSWORD: {
    kind: 'string',
    optional: true,
    minLength: 8,
    secret: true,
    doc: 'password of the platform `operator` (provisions tenants; first start only); unset: generated and printed once',
  },
  DEFAULT_TENANT_NAME: {
    kind: 'string',
    default: 'Demo Services Co.',
    doc: 'name of the tenant created on first start',
  },
  INVITATION_TTL_HOURS: {
    kind: 'int',
    default: 72,
    min: 1,
    max: 720,
    doc: 'hours an activation invitation (a staff login’s first password) stays valid',
  },
  STAFF_ARRIVAL_WAIT_MS: {
    kind: 'int',
    default: 5000,
    min: 0,
    max: 60000,
    doc:
      'how long linking a user to a staff member waits for the staff member’s hiring to reach tenancy (staff’s ' +
      'events) before answering 404 TENANCY.STAFF_MEMBER_NOT_FOUND; raise it where the event transport lags',
  },
  REFRESH_TOKEN_TTL_HOURS: {
    kind: 'int',
    default: 336,
    min: 1,
    max: 720,
    doc: 'hours a sign-in’s refresh tokens work (1–720), counted from the sign-in: refreshing never extends it ([docs/security.md](docs/security.md#refresh-tokens-and-sign-out))',
  },
  REFRESH_PURGE_INTERVAL_MINUTES: {
    kind: 'int',
    default: 60,
    min: 1,
    max: 1440,
    doc: 'minutes between two purges of expired sign-ins (refresh families and their tokens; one replica at a time)',
  },
  ACTIVATION_URL: {
    kind: 'url',
    protocols: ['http', 'https'],
    optional: true,
    doc: 'the page where a person activates their login; an invitation answers it with `#token=…` appended',
  },
  MASTER_KEY: {
    kind: 'string',
    minLength: 44,
    secret: true,
    doc: 'base64 of 32 random bytes: wraps each user’s data key (their display name, AES-256-GCM); losing it loses personal data',
  },
});

export const customersConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50052, min: 0, max: 65535, doc: 'gRPC port of the customers service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3102,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
  MASTER_KEY: {
    kind: 'string',
    minLength: 44,
    secret: true,
    doc: 'base64 of 32 random bytes: wraps each customer’s data key (AES-256-GCM); losing it loses personal data',
  },
  TIMER_POLL_MS: {
    kind: 'int',
    default: 1000,
    min: 50,
    max: 60_000,
    doc: 'how often due timers (reply deadlines, daily greetings) are looked for',
  },
});

export const analyticsConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50053, min: 0, max: 65535, doc: 'gRPC port of the analytics service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3103,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
});

export const staffConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50054, min: 0, max: 65535, doc: 'gRPC port of the staff service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3104,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
  MASTER_KEY: {
    kind: 'string',
    minLength: 44,
    secret: true,
    doc: 'base64 of 32 random bytes: wraps each candidate’s and staff member’s data key (AES-256-GCM); losing it loses personal data',
  },
  TIMER_POLL_MS: {
    kind: 'int',
    default: 1000,
    min: 50,
    max: 60_000,
    doc: 'how often due timers (qualification reminders and expiries, the end of a training session or shift) are looked for',
  },
});

export const contractsConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50055, min: 0, max: 65535, doc: 'gRPC port of the contracts service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3105,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
  // The same key as customers': it wraps the data keys contracts keeps of the customers named in its contracts.
  MASTER_KEY: customersConfigSpec.MASTER_KEY,
});

export const ordersConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: 50056, min: 0, max: 65535, doc: 'gRPC port of the orders service' },
  HTTP_PORT: {
    kind: 'int',
    default: 3106,
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
  // Requests' addresses and problem descriptions are sealed with a data key per customer, as customers' data.
  MASTER_KEY: customersConfigSpec.MASTER_KEY,
  TIMER_POLL_MS: {
    ...customersConfigSpec.TIMER_POLL_MS,
    doc: 'how often due timers (first-response deadlines) are looked for',
  },
  CUSTOMER_ARRIVAL_WAIT_MS: {
    kind: 'int',
    default: 5000,
    min: 0,
    max: 60000,
    doc:
      'how long a new order or chat waits for its customer’s registration to reach orders (customers’ events) ' +
      'before answering 404 ORDERS.CUSTOMER_NOT_FOUND; raise it where the event transport lags',
  },
});

const {
  LOG_LEVEL,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  DATABASE_URL,
  DB_POOL_SIZE,
  TRANSPORT,
  KAFKA_BROKERS,
  KAFKA_GROUP_ID_PREFIX,
} = serviceConfigSpec;

export const gatewayConfigSpec = defineConfig({
  DATABASE_URL,
  DB_POOL_SIZE,
  // The gateways follow tenancy's user events (a cut ends a user's tokens on every gateway at once).
  TRANSPORT,
  KAFKA_BROKERS,
  KAFKA_GROUP_ID_PREFIX,
  LOG_LEVEL,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  HTTP_PORT: {
    kind: 'int',
    default: 3000,
    min: 0,
    max: 65535,
    doc: 'REST API, /api/docs, /health, /metrics',
  },
  GRPC_PORT: {
    kind: 'int',
    default: 50050,
    min: 0,
    max: 65535,
    doc: 'public gRPC API (same services, bearer token)',
  },
  METRICS_PORT: {
    kind: 'int',
    default: 9464,
    min: 0,
    max: 65535,
    doc: "Prometheus `/metrics` (in one process: every part's), apart from the public HTTP port",
  },
  METRICS_HOST: {
    kind: 'string',
    default: '127.0.0.1',
    doc: 'address `METRICS_PORT` binds to: `0.0.0.0` where Prometheus scrapes from another host or pod (Compose, Kubernetes)',
  },
  TENANCY_GRPC_URL: { kind: 'string', default: '127.0.0.1:50051', doc: 'tenancy service gRPC address' },
  CUSTOMERS_GRPC_URL: { kind: 'string', default: '127.0.0.1:50052', doc: 'customers service gRPC address' },
  ANALYTICS_GRPC_URL: { kind: 'string', default: '127.0.0.1:50053', doc: 'analytics service gRPC address' },
  STAFF_GRPC_URL: { kind: 'string', default: '127.0.0.1:50054', doc: 'staff service gRPC address' },
  CONTRACTS_GRPC_URL: { kind: 'string', default: '127.0.0.1:50055', doc: 'contracts service gRPC address' },
  ORDERS_GRPC_URL: { kind: 'string', default: '127.0.0.1:50056', doc: 'orders service gRPC address' },
  JWT_SECRET: {
    kind: 'string',
    minLength: 32,
    secret: true,
    doc: 'HMAC key signing access tokens (≥ 32 characters)',
  },
  JWT_TTL_SECONDS: {
    kind: 'int',
    default: 900,
    min: 60,
    max: 86400,
    doc: 'access token lifetime (60–86400); a refresh token (`POST /auth/refresh`) gets the next one',
  },
  OIDC_ISSUER: {
    kind: 'url',
    protocols: ['https', 'http'],
    optional: true,
    doc: 'an external OpenID Connect issuer (its `iss`, exactly) whose access tokens are taken beside local logins ([docs/security.md](docs/security.md#single-sign-on-openid-connect))',
  },
  OIDC_AUDIENCE: {
    kind: 'string',
    optional: true,
    doc: 'the audience (`aud`) its tokens must name; required with `OIDC_ISSUER`',
  },
  OIDC_JWKS_URL: {
    kind: 'url',
    protocols: ['https', 'http'],
    optional: true,
    doc: 'its key set; unset: `jwks_uri` of its discovery document',
  },
  OIDC_TENANT_CLAIM: {
    kind: 'string',
    default: 'tenant_id',
    doc: 'dot path of the claim holding the tenant id (a UUID)',
  },
  OIDC_ROLES_CLAIM: {
    kind: 'string',
    default: 'realm_access.roles',
    doc: 'dot path of the claim holding the roles (Keycloak: realm_access.roles); roles we do not know are ignored',
  },
  OIDC_USERNAME_CLAIM: {
    kind: 'string',
    default: 'preferred_username',
    doc: 'dot path of the claim naming the user (the subject when absent)',
  },
  USER_STATUS_TTL_MS: {
    kind: 'int',
    default: 5000,
    min: 0,
    max: 60000,
    doc: "how long a user's status (token version, disabled) is cached per gateway: a backstop, as tenancy's events about a user end its cached status on every gateway at once",
  },
  INTERNAL_TOKEN_PRIVATE_KEY: {
    kind: 'string',
    secret: true,
    doc: 'Ed25519 private key (base64 of PKCS#8 DER, or PEM) signing the token sent with every call to a service; `node infra/internal-keys.mjs` makes a pair',
  },
  INTERNAL_TOKEN_TTL_SECONDS: {
    kind: 'int',
    default: 60,
    min: 5,
    max: 300,
    doc: 'lifetime of that token (5–300)',
  },
  RATE_LIMIT_PER_MINUTE: {
    kind: 'int',
    default: 6000,
    min: 1,
    doc: 'requests per minute per client (token subject, else IP), REST and gRPC together, before 429',
  },
  RATE_LIMIT_STORE: {
    kind: 'enum',
    values: ['memory', 'postgres'],
    default: 'memory',
    doc: '`memory`: each gateway replica counts its own budgets; `postgres`: all replicas share them (one more statement per request)',
  },
  LOGIN_MAX_FAILURES_PER_ACCOUNT: {
    kind: 'int',
    default: 5,
    min: 1,
    doc: 'failed logins per account (tenant + username) within the window that lock it (429 `AUTH.TOO_MANY_ATTEMPTS`)',
  },
  LOGIN_MAX_FAILURES_PER_CLIENT: {
    kind: 'int',
    default: 50,
    min: 1,
    doc: 'failed logins per client IP within the window that lock it',
  },
  LOGIN_FAILURE_WINDOW_SECONDS: {
    kind: 'int',
    default: 900,
    min: 1,
    doc: 'window in which failed logins are counted',
  },
  LOGIN_LOCK_SECONDS: {
    kind: 'int',
    default: 60,
    min: 1,
    doc: 'first login lock; each further lock doubles it',
  },
  LOGIN_MAX_LOCK_SECONDS: { kind: 'int', default: 3600, min: 1, doc: 'longest login lock' },
  BODY_LIMIT: { kind: 'string', default: '256kb', doc: 'largest accepted request body (413 above)' },
  PUBLIC_URL: { kind: 'string', optional: true, doc: 'URL printed at start and used in the OpenAPI servers' },
  TRUST_PROXY: {
    kind: 'int',
    default: 0,
    min: 0,
    max: 10,
    doc: 'proxies in front of the gateway whose `X-Forwarded-For` is trusted (client IPs for rate limits)',
  },
});

/**
 * The deployables, in start order (the gateway last: it calls the others): the one list of them. `npm start`
 * (infra/start.mjs), the gateway's upstream addresses and the deployment files' tests read it.
 */
export const DEPLOYABLES = [
  { name: 'tenancy', configSpec: tenancyConfigSpec },
  { name: 'customers', configSpec: customersConfigSpec },
  { name: 'analytics', configSpec: analyticsConfigSpec },
  { name: 'staff', configSpec: staffConfigSpec },
  { name: 'contracts', configSpec: contractsConfigSpec },
  { name: 'orders', configSpec: ordersConfigSpec },
  { name: 'gateway', configSpec: gatewayConfigSpec },
] as const;

export type DeployableName = (typeof DEPLOYABLES)[number]['name'];

/** The variable through which the gateway reaches a service: `TENANCY_GRPC_URL`, … */
export function grpcUrlVar<S extends string>(service: S): `${Uppercase<S>}_GRPC_URL` {
  return `${service.toUpperCase() as Uppercase<S>}_GRPC_URL`;
}
