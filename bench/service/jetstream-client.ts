/**
 * Publishes events to the service's JetStream ingest as another service
 * would: the wire envelope as JSON on `<ns>.events.<type>`, with its id as
 * the message id, by which JetStream drops a repeat. Publishes go out in a
 * window awaiting their PubAcks, so that the rate measured is the server's
 * and the service's, not one round trip after another.
 */
import type { PubAck } from "@nats-io/jetstream";
import { encodeEnvelope } from "../../src/domain/envelope-codec.js";
import type { Envelope } from "../../src/domain/events.js";
import { WrongResultError } from "../db/award-counts.js";
import { forEachConcurrently } from "../support/concurrently.js";
import { pollUntil } from "../support/poll.js";
import type { RunNamespace } from "./nats-namespace.js";

export const pubAckWindow = 256;

export async function publishEvents(
  nats: RunNamespace,
  envelopes: readonly Envelope[],
): Promise<void> {
  await forEachConcurrently(envelopes, pubAckWindow, async (envelope) => {
    const ack = await publishEnvelope(nats, envelope);
    // Ids are unique in the workload and the namespace is new.
    if (ack.duplicate) {
      throw new WrongResultError(`JetStream took ${envelope.id} for a repeat`);
    }
  });
}

/** One publish, resolved with JetStream's acknowledgement. */
export function publishEnvelope(
  nats: RunNamespace,
  envelope: Envelope,
): Promise<PubAck> {
  return nats.js.publish(
    `${nats.settings.namespace}.events.${envelope.event.type}`,
    JSON.stringify(encodeEnvelope(envelope)),
    { msgID: envelope.id },
  );
}

/**
 * Resolves once the service has taken every published message: it
 * acknowledges one only after its event is committed to the store.
 */
export function waitUntilIngested(
  nats: RunNamespace,
  timeoutMs: number,
  pollMs = 50,
): Promise<void> {
  const { eventsStream, ingestConsumer } = nats.topology;
  const left = async () => {
    const info = await nats.jsm.consumers.info(eventsStream, ingestConsumer);
    return info.num_pending + info.num_ack_pending;
  };
  return pollUntil(
    async () => (await left()) === 0,
    timeoutMs,
    async () => `the service had not taken ${await left()} messages`,
    pollMs,
  );
}
