import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import { DurableTimers } from './timers';

/** Stops the timer poller with the app (after the batch in flight). */
class TimersLifecycle implements OnApplicationShutdown {
  constructor(private readonly timers: DurableTimers) {}
  async onApplicationShutdown(): Promise<void> {
    await this.timers.stop();
  }
}

/**
 * A service's durable timers, in its own schema, as Nest providers: `DurableTimers` to inject, and its stop when
 * the app closes. The service migrates and starts them in `onStart` with its handlers per kind.
 */
export function durableTimersProviders(
  parts: { readonly pool: Pool; readonly logger: Logger; readonly metrics: Metrics },
  schema: string,
  pollMs?: number,
): Provider[] {
  const timers = new DurableTimers({ ...parts, schema, ...(pollMs === undefined ? {} : { pollMs }) });
  return [
    { provide: DurableTimers, useValue: timers },
    { provide: TimersLifecycle, useValue: new TimersLifecycle(timers) },
  ];
}
