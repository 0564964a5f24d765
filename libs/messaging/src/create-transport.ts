import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { ConsumerDb } from './consumer-db';
import { KafkaTransport } from './kafka/kafka-transport';
import { LogTransport } from './log/log-transport';
import type { Transport } from './transport';

export type TransportConfig =
  | { readonly kind: 'log'; readonly sourcePool: Pool }
  | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly clientId: string };

export function kafkaClient(brokers: readonly string[], clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.WARN, retry: { retries: 8 } });
}

/** The transport the configuration names; the subscription API is the same for both. */
export function createTransport(config: TransportConfig, consumerDb: ConsumerDb): Transport {
  switch (config.kind) {
    case 'log':
      return new LogTransport({ sourcePool: config.sourcePool, consumerDb });
    case 'kafka':
      return new KafkaTransport({ kafka: kafkaClient(config.brokers, config.clientId), consumerDb });
  }
}
