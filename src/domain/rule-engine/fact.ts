/**
 * An event as rules see it: who, when, what type, and the payload fields by
 * their wire names. Rules are written against the wire contract.
 */
import { encodeEvent } from "../envelope-codec.js";
import type { Envelope, EventType } from "../events.js";

export interface Fact {
  id: string;
  type: EventType;
  learnerId: string;
  occurredAt: Date;
  fields: Readonly<Record<string, unknown>>;
}

export function factOf(envelope: Envelope): Fact {
  const fields = encodeEvent(envelope.event).payload;
  return {
    id: envelope.id,
    type: envelope.event.type,
    learnerId: String(fields.learner_id),
    occurredAt: envelope.occurredAt,
    fields,
  };
}
