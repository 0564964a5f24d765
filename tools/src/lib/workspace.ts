import type { Tree } from '@nx/devkit';
import { readText } from './yaml-source';
import { propertiesOf } from './ts-source';

/** Where the registries of services live: each a list the generators append to. */
export const FILES = {
  grpc: 'libs/contracts/src/grpc.ts',
  api: 'libs/contracts/src/api/index.ts',
  access: 'libs/contracts/src/api/access.ts',
  config: 'libs/contracts/src/service-config.ts',
  routes: 'apps/gateway/src/grpc/grpc-requests.ts',
  oneProcess: 'apps/serviceops/src/services.ts',
  compose: 'docker-compose.yml',
  dockerfile: 'Dockerfile',
  kustomization: 'k8s/base/kustomization.yaml',
  networkPolicies: 'k8s/base/network-policies.yaml',
  kafkaTopics: 'k8s/base/kafka-topics.yaml',
  overlays: ['k8s/overlays/dev/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml'],
} as const;

/** The backend services, as GRPC_SERVICES lists them. */
export function serviceNames(tree: Tree): string[] {
  return propertiesOf(FILES.grpc, readText(tree, FILES.grpc), 'GRPC_SERVICES');
}

/** The default ports the configuration contract gives (every deployable's GRPC_PORT and HTTP_PORT). */
export function defaultPorts(tree: Tree): { grpc: number[]; http: number[] } {
  const source = readText(tree, FILES.config);
  const ports = (name: string): number[] =>
    [...source.matchAll(new RegExp(`${name}: \\{[^}]*?default: ([0-9_]+)`, 'g'))].map((m) =>
      Number((m[1] ?? '').replaceAll('_', '')),
    );
  return { grpc: ports('GRPC_PORT'), http: ports('HTTP_PORT') };
}

/** The next free default ports of a backend service: after the highest ones in use (the gateway's apart). */
export function nextPorts(tree: Tree): { grpc: number; http: number } {
  const { grpc, http } = defaultPorts(tree);
  const backends = (ports: number[], gateway: number) => ports.filter((p) => p !== gateway);
  return {
    grpc: Math.max(50050, ...backends(grpc, 50050)) + 1,
    http: Math.max(3100, ...backends(http, 3000)) + 1,
  };
}
