import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process: command latency, consumer and projection lag, dead letters, durable timers, plus
 * Node's own.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commandDuration: Histogram<'service' | 'command' | 'outcome'>;
  readonly consumerLag: Gauge<'consumer'>;
  readonly projectionLag: Gauge<'consumer'>;
  readonly deadLetters: Gauge<'consumer'>;
  readonly eventsHandled: Counter<'consumer' | 'type'>;
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly timersFired: Counter<'kind' | 'outcome'>;
  readonly timerLateness: Histogram<'kind'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.commandDuration = new Histogram({
      name: 'serviceops_command_duration_seconds',
      help: 'Time to decide and append a command, by outcome (ok, rejected, conflict, error)',
      labelNames: ['service', 'command', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'serviceops_consumer_lag_events',
      help: 'Events committed upstream that a consumer has not applied yet',
      labelNames: ['consumer'],
      registers,
    });
    this.projectionLag = new Gauge({
      name: 'serviceops_projection_lag_seconds',
      help: 'Age of the last event a consumer applied, when it was applied (0 when caught up)',
      labelNames: ['consumer'],
      registers,
    });
    this.deadLetters = new Gauge({
      name: 'serviceops_dead_letters',
      help: 'Events parked in the dead letters, waiting for a replay',
      labelNames: ['consumer'],
      registers,
    });
    this.eventsHandled = new Counter({
      name: 'serviceops_events_handled_total',
      help: 'Events applied by a consumer',
      labelNames: ['consumer', 'type'],
      registers,
    });
    this.httpRequests = new Histogram({
      name: 'serviceops_http_request_duration_seconds',
      help: 'Gateway HTTP requests',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.timersFired = new Counter({
      name: 'serviceops_timers_fired_total',
      help: 'Durable timers run, by outcome (fired; failed or unhandled: backed off, fired again later)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.timerLateness = new Histogram({
      name: 'serviceops_timer_lateness_seconds',
      help: 'From a timer being due to its handler starting',
      labelNames: ['kind'],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    });
  }

  /** Times a command; the outcome label comes from the error's code. */
  async timeCommand<T>(
    command: string,
    run: () => Promise<T>,
    outcomeOf: (e: unknown) => string,
  ): Promise<T> {
    const end = this.commandDuration.startTimer({ command });
    try {
      const result = await run();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: outcomeOf(error) });
      throw error;
    }
  }
}
