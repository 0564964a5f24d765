import type { Names } from '../../lib/names';

/** What a new service is made of, file by file: the text of each, for `service` (the service's names). */
export interface ServiceFacts {
  readonly service: Names;
  readonly description: string;
  readonly grpcPort: number;
  readonly httpPort: number;
}

export function projectJson({ service }: ServiceFacts): string {
  const root = `apps/${service.kebab}`;
  const cwd = '"options": { "cwd": "{workspaceRoot}" }';
  return `{
  "name": "${service.kebab}",
  "$schema": "../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "${root}/src",
  "projectType": "application",
  "tags": ["scope:${service.kebab}", "type:app"],
  "targets": {
    "serve": {
      "command": "node -r ./infra/register.cjs ${root}/src/main.ts",
      ${cwd}
    },
    "test": { "command": "node infra/run-tests.mjs ${root}", ${cwd} },
    "lint": { "command": "eslint ${root} --max-warnings 0", ${cwd} }
  }
}
`;
}

export function mainTs({ service }: ServiceFacts): string {
  return `import './instrument';
import { runService } from '@serviceops/platform';
import { ${service.camel}Service } from './${service.kebab}.service-definition';

void runService(${service.camel}Service);
`;
}

export function instrumentTs({ service }: ServiceFacts): string {
  return `import { startTelemetry } from '@serviceops/platform/telemetry';

startTelemetry({ serviceName: '${service.kebab}' });
`;
}

export function serviceDefinitionTs({ service, description }: ServiceFacts): string {
  const s = service;
  return `import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, ${s.camel}ConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { EventSourcingRuntime, type ServiceDefinition } from '@serviceops/platform';

/**
 * The classes whose \`@Handles\` methods serve the declared methods (libs/contracts/src/api/${s.kebab}.api.ts), one
 * per aggregate (\`nx g @serviceops/tools:command\` adds them here).
 */
const HANDLERS: readonly Type[] = [];

/** ${description} */
export const ${s.camel}Service: ServiceDefinition<typeof ${s.camel}ConfigSpec> = {
  name: '${s.kebab}',
  configSpec: ${s.camel}ConfigSpec,
  grpc: {
    package: GRPC_SERVICES.${s.camel}.package,
    protoPath: GRPC_SERVICES.${s.camel}.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [], migrations: [] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime }) => ({
    module: class ${s.pascal}Module {},
    providers: [{ provide: EventSourcingRuntime, useValue: runtime }],
  }),
};
`;
}

export function serviceSpecTs({ service }: ServiceFacts): string {
  const s = service;
  return `import { describeServiceBoot } from '@serviceops/platform/testing';
import { ${s.camel}Service } from '../src/${s.kebab}.service-definition';

// The ${s.prose} service as it runs: booted on a database of its own, ready, and serving each method its
// declarations (libs/contracts/src/api/${s.kebab}.api.ts) name over gRPC, to nobody without identity.
describeServiceBoot('${s.camel}', ${s.camel}Service);
`;
}

export function protoText({ service, description }: ServiceFacts): string {
  return `syntax = "proto3";

// ${description}
package serviceops.${service.kebab}.v1;

service ${service.pascal} {
}
`;
}

export function apiTs({ service }: ServiceFacts): string {
  return `import type { Declaration } from './declaration';

/** The ${service.prose} service's methods: gRPC name → REST route, roles, summary. */
export const ${service.constant}_API = {} as const satisfies Record<string, Declaration>;
`;
}

export function k8sYaml({ service, grpcPort, httpPort }: ServiceFacts): string {
  const name = service.kebab;
  return `# The ${service.prose} service: gRPC ${grpcPort} (reached by the gateway only), health and /metrics on HTTP ${httpPort}.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: serviceops
    app.kubernetes.io/component: backend
spec:
  replicas: 2
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: serviceops
        app.kubernetes.io/component: backend
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: '${httpPort}'
        prometheus.io/path: /metrics
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000 # \`node\` in the image
        runAsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${name}
      containers:
        - name: ${name}
          image: serviceops
          imagePullPolicy: IfNotPresent
          command: ['node', '-r', './infra/register.cjs', 'apps/${name}/src/main.ts']
          ports:
            - name: grpc
              containerPort: ${grpcPort}
            - name: http
              containerPort: ${httpPort}
          envFrom:
            - configMapRef:
                name: ${name}-config
            # INTERNAL_TOKEN_PUBLIC_KEYS: the gateway's, which verify every gRPC call.
            - secretRef:
                name: internal-token-keys
          env:
            # Written by CloudNativePG for the \`serviceops\` database (see postgres.yaml).
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: serviceops-pg-app
                  key: uri
          # Sources are compiled on load: give the first start time before liveness counts.
          startupProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              cpu: '1'
              memory: 512Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ['ALL']
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: serviceops
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: grpc
      port: ${grpcPort}
      targetPort: grpc
      appProtocol: grpc
    - name: http
      port: ${httpPort}
      targetPort: http
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`;
}

/** The service's event topic and its dead letters, as the other services' are declared. */
export function kafkaTopicsYaml({ service }: ServiceFacts): string {
  const topic = `${service.kebab}.events.v1`;
  return `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: ${topic}
  labels:
    strimzi.io/cluster: serviceops-kafka
spec:
  topicName: ${topic}
  partitions: 6
  replicas: 1
  config:
    retention.ms: -1
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: ${topic}.dlq
  labels:
    strimzi.io/cluster: serviceops-kafka
spec:
  topicName: ${topic}.dlq
  partitions: 1
  replicas: 1
  config:
    retention.ms: 2592000000 # 30 days
`;
}

/** Only the gateway reaches the service's gRPC port. */
export function grpcFromGatewayPolicyYaml({ service, grpcPort }: ServiceFacts): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${service.kebab}-grpc-from-gateway
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${service.kebab}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: gateway
      ports:
        - protocol: TCP
          port: ${grpcPort}
`;
}
