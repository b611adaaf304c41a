/**
 * What the store hands back: rows with their place in the global order, and
 * the cursor type readers keep to resume after the last row they saw.
 */
import { decodeEvent } from "../domain/envelope-codec.js";
import type { Envelope, EventType } from "../domain/events.js";

/**
 * A place in the global order. Rows are read ordered by the transaction that
 * wrote them, then by position, which is the order in which they become
 * safely visible.
 */
export interface Cursor {
  transactionId: string;
  position: number;
}

export const streamStart: Cursor = { transactionId: "0", position: 0 };

/** A row as stored, before its event is decoded. */
export interface StoredRecord {
  cursor: Cursor;
  id: string;
  occurredAt: Date;
  recordedAt: Date;
  eventName: string;
  payload: unknown;
}

export interface StoredEvent<T extends EventType = EventType> {
  cursor: Cursor;
  recordedAt: Date;
  envelope: Envelope<T>;
}

export interface AppendResult {
  id: string;
  position: number;
  /** True when an event with this id was stored before; nothing was added. */
  duplicate: boolean;
}

/** Decodes a stored row; throws ValidationError when it is not a known event. */
export function decodeRecord(record: StoredRecord): StoredEvent {
  const event = decodeEvent(record.payload, "payload");
  return {
    cursor: record.cursor,
    recordedAt: record.recordedAt,
    envelope: { id: record.id, occurredAt: record.occurredAt, event },
  };
}
