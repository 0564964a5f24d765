import type { Migration } from '@serviceops/eventstore';

/** Tables of the consuming side (inbox, checkpoints, dead letters) and of the relay, in a service's schema. */
export const MESSAGING_MIGRATIONS: readonly Migration[] = [
  {
    id: 1001,
    name: 'messaging: inbox, checkpoints, dead letters, relay checkpoints',
    sql: `
      CREATE TABLE inbox (
        consumer     text        NOT NULL,
        event_id     uuid        NOT NULL,
        topic        text        NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
      CREATE TABLE consumer_checkpoints (
        consumer        text        NOT NULL,
        source          text        NOT NULL,
        transaction_id  xid8        NOT NULL,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, source)
      );
      CREATE TABLE dead_letters (
        id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer        text        NOT NULL,
        topic           text        NOT NULL,
        event_id        uuid,
        event_type      text,
        envelope        jsonb,
        raw             text,
        error           text        NOT NULL,
        attempts        integer     NOT NULL,
        failed_at       timestamptz NOT NULL DEFAULT now(),
        replayed_at     timestamptz,
        kafka_partition integer,
        kafka_offset    bigint
      );
      CREATE UNIQUE INDEX dead_letters_once_idx ON dead_letters (consumer, event_id);
      CREATE INDEX dead_letters_open_idx ON dead_letters (consumer) WHERE replayed_at IS NULL;
      CREATE TABLE relay_checkpoints (
        relay           text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
