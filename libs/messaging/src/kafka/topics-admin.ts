import type { Admin, Kafka } from 'kafkajs';

/** How long a new topic may take to have a leader for every partition (a loaded broker can be slow). */
const LEADERS_WITHIN_MS = 60_000;

/**
 * Creates the topics that do not exist yet and waits until every partition of each has a leader. Several
 * processes start at once and may create the same topic (a relay and its consumers): whoever loses the race
 * finds the topic there, and every one of them waits for the leaders itself, retrying what the broker calls
 * retriable (UNKNOWN_TOPIC_OR_PARTITION while the new topic's metadata spreads) instead of failing its start.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  partitions: number,
  replicationFactor = 1,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
      });
    } catch (error) {
      // Another process created them first: fine. Anything else is a real failure.
      const now = new Set(await admin.listTopics());
      if (!missing.every((t) => now.has(t))) throw error;
    }
    await leadersOf(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

async function leadersOf(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_WITHIN_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = metadata.topics.every(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (led && metadata.topics.length === topics.length) return;
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true) throw error;
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `topics ${topics.join(', ')} have no leader for every partition after ${LEADERS_WITHIN_MS / 1000} s` +
      (last instanceof Error ? `: ${last.message}` : ''),
  );
}
