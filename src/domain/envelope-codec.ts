/**
 * Converts between the wire format (snake_case JSON) and the typed domain
 * events. This is the one place where field names are mapped: payload keys
 * go from snake_case to camelCase and back, times become Dates and back.
 */
import type { DomainEvent, Envelope, EventType } from "./events.js";
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

/** Each payload schema mirrors its EventPayloads type key by key. */
function fromWireEvent(wire: DecodedWireEvent): DomainEvent {
  const payload = renameKeys(wire.payload, camelCase);
  return { type: wire.type, payload } as unknown as DomainEvent;
}

export function encodeEvent(event: DomainEvent): WireEvent {
  return {
    type: event.type,
    payload: renameKeys(event.payload, snakeCase, toWireValue),
  };
}

export function encodeEnvelope(envelope: Envelope): WireEnvelope {
  return {
    id: envelope.id,
    occurred_at: envelope.occurredAt.toISOString(),
    event: encodeEvent(envelope.event),
  };
}

function renameKeys(
  source: object,
  rename: (key: string) => string,
  convert: (value: unknown) => unknown = (value) => value,
): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined) {
      target[rename(key)] = convert(value);
    }
  }
  return target;
}

function toWireValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/*
 * Payload keys come from a handful of schemas (unknown keys are stripped on
 * decode), so each name is converted once and then looked up: renaming is
 * on the path of every event the consumer reads.
 */
const camelNames = new Map<string, string>();
const snakeNames = new Map<string, string>();

function camelCase(key: string): string {
  let name = camelNames.get(key);
  if (name === undefined) {
    name = key.replace(/_([a-z])/g, (_, letter: string) =>
      letter.toUpperCase(),
    );
    camelNames.set(key, name);
  }
  return name;
}

function snakeCase(key: string): string {
  let name = snakeNames.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    snakeNames.set(key, name);
  }
  return name;
}
