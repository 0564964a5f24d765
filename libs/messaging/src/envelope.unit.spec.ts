import type { RecordedEvent } from '@serviceops/kernel';
import { fromEnvelope, MalformedEnvelopeError, parseEnvelope, toEnvelope } from './envelope';
import { deadLetterTopic, eventsTopic, serviceOfTopic } from './topics';

const event: RecordedEvent = {
  type: 'CustomerRegistered',
  data: { customerId: 'c1' },
  eventId: '0b0c8f3e-0f57-4c36-9d0e-7d2b9a3f1e11',
  streamId: 'customer-t1-c1',
  streamVersion: 1,
  globalPosition: 9007199254740993n, // beyond a double's integers: must survive as text
  transactionId: 812n,
  schemaVersion: 2,
  metadata: { tenantId: 't1', traceparent: '00-abc-def-01' },
  recordedAt: new Date('2026-11-22T10:00:00.000Z'),
};

describe('envelopes', () => {
  it('round-trips an event through its wire form without losing bigints or dates', () => {
    const wire = Buffer.from(JSON.stringify(toEnvelope(event)));
    expect(parseEnvelope('customers.events.v1', wire)).toEqual({ ...event, topic: 'customers.events.v1' });
  });

  it.each([
    ['an empty message', null],
    ['text that is not JSON', Buffer.from('{oops')],
    ['JSON without an event id', Buffer.from(JSON.stringify({ ...toEnvelope(event), eventId: undefined }))],
    ['JSON without versions', Buffer.from(JSON.stringify({ ...toEnvelope(event), streamVersion: '1' }))],
  ])('refuses %s', (_name, value) => {
    expect(() => parseEnvelope('t', value)).toThrow(MalformedEnvelopeError);
  });

  it('refuses a value that is not an object', () => {
    expect(() => fromEnvelope('t', 42)).toThrow(MalformedEnvelopeError);
  });
});

describe('topics', () => {
  it('names topics per service and finds the service of a topic', () => {
    expect(eventsTopic('orders')).toBe('orders.events.v1');
    expect(deadLetterTopic('orders.events.v1')).toBe('orders.events.v1.dlq');
    expect(serviceOfTopic('orders.events.v1')).toBe('orders');
    expect(() => serviceOfTopic('Bad-Topic.events.v1')).toThrow(/cannot tell the service/);
  });
});
