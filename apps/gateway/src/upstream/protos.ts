import { loadSync, type Options } from '@grpc/proto-loader';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { GRPC_SERVICES, PROTO_LOADER_OPTIONS, type GrpcServiceName } from '@serviceops/contracts';

export const SERVICE_NAMES = Object.keys(GRPC_SERVICES) as GrpcServiceName[];

const definitions = new Map<string, ServiceDefinition>();

function load(name: GrpcServiceName, options: Options, cacheKey: string): ServiceDefinition {
  let definition = definitions.get(cacheKey);
  if (!definition) {
    const { package: pkg, service, proto } = GRPC_SERVICES[name];
    const loaded = loadSync(proto, options)[`${pkg}.${service}`];
    if (!loaded) throw new Error(`${proto} defines no service ${pkg}.${service}`);
    definition = loaded as ServiceDefinition;
    definitions.set(cacheKey, definition);
  }
  return definition;
}

/** The service's methods as proto-loader reads them, with the options every side shares. */
export function serviceDefinitionOf(name: GrpcServiceName): ServiceDefinition {
  return load(name, PROTO_LOADER_OPTIONS, name);
}

/**
 * The same methods as the public gRPC API decodes them: an int64 (an amount of money) becomes a number, so that
 * the request is validated by the REST route's class as the integer it is (as a string it would be refused).
 * A value past 2^53 loses precision here, but is then above every maximum the classes allow (at most
 * Number.MAX_SAFE_INTEGER), so it is refused, never taken rounded. Replies are encoded from strings or numbers
 * alike.
 */
export function publicServiceDefinitionOf(name: GrpcServiceName): ServiceDefinition {
  return load(name, { ...PROTO_LOADER_OPTIONS, longs: Number }, `public:${name}`);
}

/**
 * A decoded message as plain JSON: proto-loader (`oneofs: true`) marks each set proto3 `optional` field with a
 * virtual `_field: 'field'` key, which is not part of the message.
 */
export function plainMessage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainMessage);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key.startsWith('_') && typeof field === 'string' && isOneofMarker(key, field)) continue;
    out[key] = plainMessage(field);
  }
  return out;
}

function isOneofMarker(key: string, field: string): boolean {
  const camel = key.slice(1).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return field === camel || field === key.slice(1);
}
