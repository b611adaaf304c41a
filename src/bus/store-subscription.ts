/**
 * One subscriber's delivery loop. It reads from the event store after its
 * own cursor, so a slow subscriber falls behind and catches up without
 * holding events in memory, and can never skip one.
 */
import type { Logger } from "pino";
import type { EventType } from "../domain/events.js";
import type { EventStore } from "../store/event-store.js";
import {
  type Cursor,
  decodeRecord,
  type StoredEvent,
  type StoredRecord,
} from "../store/stored-event.js";
import { delay } from "../support/delay.js";
import type { CommitSignal } from "./commit-signal.js";
import type { EventHandler, Subscription } from "./dispatcher.js";

const pageSize = 200;
const idleRecheckMs = 1000;
const errorBackoffMs = 1000;

export interface StoreSubscriptionParts<T extends EventType> {
  type: T;
  handler: EventHandler<T>;
  after: Cursor;
  store: Pick<EventStore, "readForward">;
  signal: CommitSignal;
  logger: Logger;
}

export function startStoreSubscription<T extends EventType>(
  parts: StoreSubscriptionParts<T>,
): Subscription {
  const stop = new AbortController();
  const running = deliverUntilStopped(parts, stop.signal);
  return {
    close: async () => {
      stop.abort();
      await running;
    },
  };
}

async function deliverUntilStopped<T extends EventType>(
  parts: StoreSubscriptionParts<T>,
  stop: AbortSignal,
): Promise<void> {
  let cursor = parts.after;
  while (!stop.aborted) {
    const seen = parts.signal.generation;
    try {
      const records = await parts.store.readForward(cursor, {
        types: [parts.type],
        limit: pageSize,
      });
      for (const record of records) {
        if (stop.aborted) {
          return;
        }
        await deliver(parts, record);
        cursor = record.cursor;
      }
      if (records.length < pageSize) {
        await parts.signal.waitAfter(seen, idleRecheckMs, stop);
      }
    } catch (error) {
      parts.logger.error({ err: error }, "subscription read failed; retrying");
      await delay(errorBackoffMs, stop);
    }
  }
}

async function deliver<T extends EventType>(
  parts: StoreSubscriptionParts<T>,
  record: StoredRecord,
): Promise<void> {
  let event: StoredEvent<T>;
  try {
    event = decodeRecord(record) as StoredEvent<T>;
  } catch (error) {
    parts.logger.warn(
      { err: error, eventId: record.id, position: record.cursor.position },
      "subscription skipped an event it cannot decode",
    );
    return;
  }
  try {
    await parts.handler(event);
  } catch (error) {
    parts.logger.error(
      { err: error, eventId: record.id, type: parts.type },
      "subscriber failed on an event; delivery goes on",
    );
  }
}
