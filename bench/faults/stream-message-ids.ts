/**
 * What a JetStream stream holds, by message id, read through an ordered
 * consumer: it is made and dropped by the client, so reading leaves the
 * stream and its durable consumers as they were.
 */
import type { RunNamespace } from "../service/nats-namespace.js";

export interface StreamMessageIds {
  /** How many messages carry each id. */
  counts: Map<string, number>;
  withoutId: number;
}

const messageIdHeader = "Nats-Msg-Id";

export async function messageIdsIn(
  { js, jsm }: Pick<RunNamespace, "js" | "jsm">,
  stream: string,
): Promise<StreamMessageIds> {
  const ids: StreamMessageIds = { counts: new Map(), withoutId: 0 };
  if ((await jsm.streams.info(stream)).state.messages === 0) {
    return ids;
  }
  const consumer = await js.consumers.get(stream);
  const messages = await consumer.consume();
  for await (const message of messages) {
    const id = message.headers?.get(messageIdHeader);
    if (id) {
      ids.counts.set(id, (ids.counts.get(id) ?? 0) + 1);
    } else {
      ids.withoutId += 1;
    }
    if (message.info.pending === 0) {
      break;
    }
  }
  await messages.close();
  return ids;
}
