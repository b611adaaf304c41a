/**
 * Converts between the wire format (snake_case JSON) and the typed domain
 * events. This is the one place where field names are mapped.
 */
import type { z } from "zod";
import {
  type DomainEvent,
  type Envelope,
  type EventPayloads,
  type EventType,
  eventTypes,
} from "./events.js";
import { type FieldIssue, ValidationError } from "./errors.js";
import {
  envelopeHeader,
  payloadSchemas,
  type WireEnvelope,
  type WireEvent,
} from "./wire-schema.js";

type PayloadDecoders = {
  [T in EventType]: (
    wire: z.output<(typeof payloadSchemas)[T]>,
  ) => EventPayloads[T];
};

const fromWire: PayloadDecoders = {
  QuizSubmitted: (wire) => ({
    quizId: wire.quiz_id,
    learnerId: wire.learner_id,
    score: wire.score,
  }),
  BadgeAwarded: (wire) => ({
    badgeId: wire.badge_id,
    learnerId: wire.learner_id,
    awardedAt: wire.awarded_at,
    reason: wire.reason,
  }),
};

type PayloadEncoders = {
  [T in EventType]: (payload: EventPayloads[T]) => Record<string, unknown>;
};

const toWire: PayloadEncoders = {
  QuizSubmitted: (payload) => ({
    quiz_id: payload.quizId,
    learner_id: payload.learnerId,
    score: payload.score,
  }),
  BadgeAwarded: (payload) => ({
    badge_id: payload.badgeId,
    learner_id: payload.learnerId,
    awarded_at: payload.awardedAt.toISOString(),
    reason: payload.reason,
  }),
};

export function isEventType(value: unknown): value is EventType {
  return (eventTypes as readonly unknown[]).includes(value);
}

/** Decodes a whole envelope; throws ValidationError naming each bad field. */
export function decodeEnvelope(input: unknown): Envelope {
  const header = envelopeHeader.safeParse(input);
  if (!header.success) {
    throw new ValidationError("INVALID_EVENT", toFieldIssues(header.error));
  }
  const event = decodeEvent(header.data.event, "event");
  return { id: header.data.id, occurredAt: header.data.occurred_at, event };
}

/** Decodes the `{type, payload}` object, as stored in `event_store.payload`. */
export function decodeEvent(input: unknown, path = ""): DomainEvent {
  const prefix = path ? `${path}.` : "";
  const type = (input as { type?: unknown } | null)?.type;
  if (!isEventType(type)) {
    throw new ValidationError("UNKNOWN_EVENT_TYPE", [
      {
        field: `${prefix}type`,
        reason: `unknown event type ${JSON.stringify(type)}; expected one of ${eventTypes.join(", ")}`,
      },
    ]);
  }
  return decodePayload(type, (input as { payload?: unknown }).payload, prefix);
}

function decodePayload<T extends EventType>(
  type: T,
  payload: unknown,
  prefix: string,
): DomainEvent {
  const parsed = payloadSchemas[type].safeParse(payload);
  if (!parsed.success) {
    throw new ValidationError(
      "INVALID_EVENT",
      toFieldIssues(parsed.error, `${prefix}payload`),
    );
  }
  const decode = fromWire[type] as (wire: unknown) => EventPayloads[T];
  return { type, payload: decode(parsed.data) } as DomainEvent;
}

export function encodeEvent(event: DomainEvent): WireEvent {
  const encode = toWire[event.type] as (
    payload: unknown,
  ) => Record<string, unknown>;
  return { type: event.type, payload: encode(event.payload) };
}

export function encodeEnvelope(envelope: Envelope): WireEnvelope {
  return {
    id: envelope.id,
    occurred_at: envelope.occurredAt.toISOString(),
    event: encodeEvent(envelope.event),
  };
}

function toFieldIssues(error: z.ZodError, prefix = ""): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    reason: issue.message,
  }));
}
