import { Controller, Get, Header, Inject, Module, SetMetadata, type DynamicModule } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Metrics } from './metrics';

export interface HealthDeps {
  readonly pool: Pool;
  readonly kafka?: Kafka;
  readonly metrics: Metrics;
  /** Serve `/metrics` on this HTTP side (default); false when the process serves it on a port of its own. */
  readonly metricsRoute?: boolean;
}
const HEALTH_DEPS = Symbol('HEALTH_DEPS');

async function withTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// Kept out of the OpenAPI document: the metadata @nestjs/swagger's @ApiExcludeController() sets, without
// loading @nestjs/swagger (8 MB of heap) into services that publish no OpenAPI.
@SetMetadata('swagger/apiExcludeController', [true])
@Controller()
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(HEALTH_DEPS) private readonly deps: HealthDeps,
  ) {}

  /** The process is up (restart it if not). */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The process can serve: its database answers, and its broker when it uses Kafka. */
  @Get('health/ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [
      async () => {
        const check = this.indicator.check('database');
        try {
          await withTimeout(2_000, this.deps.pool.query('SELECT 1'));
          return check.up();
        } catch (error) {
          return check.down({ message: (error as Error).message });
        }
      },
    ];
    const kafka = this.deps.kafka;
    if (kafka) {
      checks.push(async () => {
        const check = this.indicator.check('kafka');
        const admin = kafka.admin();
        try {
          await withTimeout(3_000, admin.connect());
          const cluster = await withTimeout(3_000, admin.describeCluster());
          return check.up({ brokers: cluster.brokers.length });
        } catch (error) {
          return check.down({ message: (error as Error).message });
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      });
    }
    return this.health.check(checks);
  }
}

@SetMetadata('swagger/apiExcludeController', [true])
@Controller()
class MetricsController {
  constructor(@Inject(HEALTH_DEPS) private readonly deps: HealthDeps) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.deps.metrics.registry.metrics();
  }
}

/** `/health/live`, `/health/ready` (terminus) and `/metrics` (Prometheus) for any service's HTTP side. */
@Module({})
export class OperationsModule {
  static forRoot(deps: HealthDeps): DynamicModule {
    return {
      module: OperationsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: deps.metricsRoute === false ? [HealthController] : [HealthController, MetricsController],
      providers: [{ provide: HEALTH_DEPS, useValue: deps }],
    };
  }
}
