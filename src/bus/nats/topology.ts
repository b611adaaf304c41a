/**
 * The streams and the durable consumer the service works with, named from
 * one namespace so that several deployments (or test runs) can share a
 * server. Declared idempotently at start: created, or updated to match.
 *
 * - `<NS>_EVENTS` holds what other services publish on `<ns>.events.<type>`;
 *   the durable consumer `<ns>-ingest` feeds it into the event store.
 * - `<NS>_BADGES` holds what this service publishes on `<ns>.badges.<type>`.
 */
import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/nats-core";
import type { Logger } from "pino";

export interface Topology {
  eventsStream: string;
  eventsSubjects: string;
  badgesStream: string;
  ingestConsumer: string;
  /** Subject on which this service publishes events of a type. */
  badgesSubject(type: string): string;
}

export function topologyFor(namespace: string): Topology {
  const upper = namespace.toUpperCase().replaceAll(/[^A-Z0-9_]/g, "_");
  return {
    eventsStream: `${upper}_EVENTS`,
    eventsSubjects: `${namespace}.events.>`,
    badgesStream: `${upper}_BADGES`,
    ingestConsumer: `${namespace}-ingest`,
    badgesSubject: (type) => `${namespace}.badges.${type}`,
  };
}

const day = 24 * 60 * 60 * 1000;

/** Retention by age; deduplication by message id over two minutes. */
type Named<T, K extends keyof T> = Partial<T> & Required<Pick<T, K>>;

function streamConfig(
  name: string,
  subjects: string,
): Named<StreamConfig, "name"> {
  return {
    name,
    subjects: [subjects],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(7 * day),
    duplicate_window: nanos(2 * 60 * 1000),
  };
}

/**
 * Redeliveries back off from 5 s to 2 min; after six deliveries a message
 * stops; at most 1000 unacknowledged messages are out at once, which bounds
 * what a slow database can be asked to hold.
 */
export const ingestConsumerConfig = (
  topology: Topology,
): Named<ConsumerConfig, "durable_name"> => ({
  durable_name: topology.ingestConsumer,
  ack_policy: AckPolicy.Explicit,
  deliver_policy: DeliverPolicy.All,
  filter_subject: topology.eventsSubjects,
  ack_wait: nanos(30_000),
  max_deliver: 6,
  backoff: [5, 15, 30, 60, 120].map((seconds) => nanos(seconds * 1000)),
  max_ack_pending: 1000,
});

export async function declareTopology(
  jsm: JetStreamManager,
  topology: Topology,
  logger: Logger,
): Promise<void> {
  await declareStream(
    jsm,
    streamConfig(topology.eventsStream, topology.eventsSubjects),
  );
  await declareStream(
    jsm,
    streamConfig(topology.badgesStream, topology.badgesSubject(">")),
  );
  await declareConsumer(
    jsm,
    topology.eventsStream,
    ingestConsumerConfig(topology),
  );
  logger.info(
    { streams: [topology.eventsStream, topology.badgesStream] },
    "JetStream streams and consumer declared",
  );
}

async function declareStream(
  jsm: JetStreamManager,
  config: Named<StreamConfig, "name">,
): Promise<void> {
  const existing = await jsm.streams.info(config.name).catch(() => undefined);
  if (existing) {
    await jsm.streams.update(config.name, config);
  } else {
    await jsm.streams.add(config);
  }
}

async function declareConsumer(
  jsm: JetStreamManager,
  stream: string,
  config: Named<ConsumerConfig, "durable_name">,
): Promise<void> {
  const existing = await jsm.consumers
    .info(stream, config.durable_name)
    .catch(() => undefined);
  if (existing) {
    const {
      durable_name: _name,
      deliver_policy: _fixed,
      ...changeable
    } = config;
    await jsm.consumers.update(stream, config.durable_name, changeable);
  } else {
    await jsm.consumers.add(stream, config);
  }
}
