/**
 * Publishes events to the service's JetStream ingest as another service
 * would: the wire envelope as JSON on `<ns>.events.<type>`, with its id as
 * the message id, by which JetStream drops a repeat. Publishes go out in a
 * window awaiting their PubAcks, so that the rate measured is the server's
 * and the service's, not one round trip after another.
 */
import { encodeEnvelope } from "../../src/domain/envelope-codec.js";
import type { Envelope } from "../../src/domain/events.js";
import { delay } from "../../src/support/delay.js";
import { WrongResultError } from "../db/award-counts.js";
import { forEachConcurrently } from "../support/concurrently.js";
import type { RunNamespace } from "./nats-namespace.js";

export const pubAckWindow = 256;

export async function publishEvents(
  nats: RunNamespace,
  envelopes: readonly Envelope[],
): Promise<void> {
  const { namespace } = nats.settings;
  await forEachConcurrently(envelopes, pubAckWindow, async (envelope) => {
    const ack = await nats.js.publish(
      `${namespace}.events.${envelope.event.type}`,
      JSON.stringify(encodeEnvelope(envelope)),
      { msgID: envelope.id },
    );
    // Ids are unique in the workload and the namespace is new.
    if (ack.duplicate) {
      throw new WrongResultError(`JetStream took ${envelope.id} for a repeat`);
    }
  });
}

/**
 * Resolves once the service has taken every published message: it
 * acknowledges one only after its event is committed to the store.
 */
export async function waitUntilIngested(
  nats: RunNamespace,
  timeoutMs: number,
  pollMs = 50,
): Promise<void> {
  const { eventsStream, ingestConsumer } = nats.topology;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await nats.jsm.consumers.info(eventsStream, ingestConsumer);
    const left = info.num_pending + info.num_ack_pending;
    if (left === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the service did not take ${left} messages within ${timeoutMs / 1000} s`,
      );
    }
    await delay(pollMs);
  }
}
