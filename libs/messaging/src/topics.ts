/** Each service publishes its events on `<service>.events.v1`. */
export function eventsTopic(service: string): string {
  return `${service}.events.v1`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The service (and so the schema) that owns a topic: `customers.events.v1` → `customers`. */
export function serviceOfTopic(topic: string): string {
  const service = topic.split('.')[0];
  if (!service || !/^[a-z_][a-z0-9_]*$/.test(service))
    throw new Error(`cannot tell the service of topic "${topic}"`);
  return service;
}
