/**
 * Converts between the wire format (snake_case JSON) and the typed domain
 * events. This is the one place where field names are mapped.
 */
import type {
  DomainEvent,
  Envelope,
  EventPayloads,
  EventType,
} from "./events.js";
import { eventTypes } from "./events.js";
import { toValidationError } from "./validation-issues.js";
import {
  type DecodedWireEnvelope,
  type DecodedWireEvent,
  type WireEnvelope,
  type WireEvent,
  wireEnvelope,
  wireEvent,
} from "./wire-schema.js";

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
  BadgeRevoked: (payload) => ({
    badge_id: payload.badgeId,
    learner_id: payload.learnerId,
    revoked_at: payload.revokedAt.toISOString(),
    reason: payload.reason,
  }),
};

export function isEventType(value: unknown): value is EventType {
  return (eventTypes as readonly unknown[]).includes(value);
}

/** Decodes a whole envelope; throws ValidationError naming each bad field. */
export function decodeEnvelope(input: unknown): Envelope {
  const parsed = wireEnvelope.safeParse(input);
  if (!parsed.success) {
    throw toValidationError(parsed.error.issues, input);
  }
  return fromWireEnvelope(parsed.data);
}

/** Decodes the `{type, payload}` object, as stored in `event_store.payload`. */
export function decodeEvent(input: unknown, path = ""): DomainEvent {
  const parsed = wireEvent.safeParse(input);
  if (!parsed.success) {
    throw toValidationError(parsed.error.issues, input, path ? [path] : []);
  }
  return fromWireEvent(parsed.data);
}

/** Maps an envelope the schema has already checked to domain terms. */
export function fromWireEnvelope(wire: DecodedWireEnvelope): Envelope {
  return {
    id: wire.id,
    occurredAt: wire.occurred_at,
    event: fromWireEvent(wire.event),
  };
}

function fromWireEvent(wire: DecodedWireEvent): DomainEvent {
  switch (wire.type) {
    case "QuizSubmitted":
      return {
        type: wire.type,
        payload: {
          quizId: wire.payload.quiz_id,
          learnerId: wire.payload.learner_id,
          score: wire.payload.score,
        },
      };
    case "BadgeAwarded":
      return {
        type: wire.type,
        payload: {
          badgeId: wire.payload.badge_id,
          learnerId: wire.payload.learner_id,
          awardedAt: wire.payload.awarded_at,
          reason: wire.payload.reason,
        },
      };
    case "BadgeRevoked":
      return {
        type: wire.type,
        payload: {
          badgeId: wire.payload.badge_id,
          learnerId: wire.payload.learner_id,
          revokedAt: wire.payload.revoked_at,
          reason: wire.payload.reason,
        },
      };
  }
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
