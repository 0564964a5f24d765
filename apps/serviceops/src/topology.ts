import { DEPLOYABLES, type DeployableName, type GrpcServiceName } from '@serviceops/contracts';

/** What can run in this process: the backing services (in start order), then the gateway that calls them. */
export const PARTS: readonly DeployableName[] = DEPLOYABLES.map((d) => d.name);
export type Part = DeployableName;

/**
 * The parts `SERVICES` names (comma-separated; `all` or unset: every part). An unknown name is an error that
 * lists the known ones.
 */
export function partsOf(value: string | undefined): readonly Part[] {
  const names = (value ?? 'all')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0 || names.includes('all')) return PARTS;
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`SERVICES names ${unknown.join(', ')}: known are ${PARTS.join(', ')} (or all)`);
  return PARTS.filter((part) => names.includes(part));
}

/**
 * One service's environment in a shared process: `CUSTOMERS_GRPC_PORT` is the customers service's `GRPC_PORT`,
 * and so on, over what every part shares (DATABASE_URL, TRANSPORT…).
 */
export function envOf(service: GrpcServiceName, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const prefix = `${service.toUpperCase()}_`;
  const own: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env))
    if (key.startsWith(prefix) && !key.endsWith('_GRPC_URL')) own[key.slice(prefix.length)] = value;
  return { ...env, ...own };
}
