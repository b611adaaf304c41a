/**
 * Publishes committed events to JetStream in store order. The checkpoint
 * advances only after every publish of a batch is acknowledged; a crash in
 * between republishes the batch, and JetStream drops the repeats by message
 * id. Several processes may run a relay: one holds the checkpoint at a time.
 */
import type { JetStreamClient } from "@nats-io/jetstream";
import type pg from "pg";
import type { Logger } from "pino";
import { type EventType, followUpTypes } from "../../domain/events.js";
import {
  advanceCheckpoint,
  claimCheckpoint,
  loadCheckpoint,
} from "../../store/checkpoints.js";
import type { EventStore } from "../../store/event-store.js";
import {
  type Cursor,
  decodeRecord,
  type StoredEvent,
  type StoredRecord,
} from "../../store/stored-event.js";
import { inTransaction } from "../../store/transaction.js";
import { delay } from "../../support/delay.js";
import type { CommitSignal } from "../commit-signal.js";
import { messageOf } from "./envelope-message.js";
import type { Topology } from "./topology.js";

export interface RelayParts {
  pool: pg.Pool;
  store: EventStore;
  js: JetStreamClient;
  topology: Topology;
  signal: CommitSignal;
  logger: Logger;
  types?: readonly EventType[];
}

const batchSize = 256;
const idleRecheckMs = 1000;

export class CommittedEventRelay {
  readonly name = "nats-relay";
  private readonly types: readonly EventType[];
  private readonly logger: Logger;

  constructor(private readonly parts: RelayParts) {
    this.types = parts.types ?? followUpTypes;
    this.logger = parts.logger.child({ relay: this.name });
  }

  async run(abort: AbortSignal): Promise<void> {
    let cursor: Cursor | undefined;
    let failures = 0;
    while (!abort.aborted) {
      const seen = this.parts.signal.generation;
      try {
        cursor ??= await loadCheckpoint(this.parts.pool, this.name);
        const outcome = await this.relayBatch(cursor);
        cursor = outcome.cursor;
        failures = 0;
        if (outcome.published < batchSize) {
          await this.parts.signal.waitAfter(seen, idleRecheckMs, abort);
        }
      } catch (error) {
        failures += 1;
        cursor = undefined;
        const backoffMs = Math.min(15_000, 250 * 2 ** failures);
        this.logger.warn(
          { err: error, backoffMs },
          "relay batch failed; retrying",
        );
        await delay(backoffMs, abort);
      }
    }
  }

  private async relayBatch(
    from: Cursor,
  ): Promise<{ cursor: Cursor; published: number }> {
    const records = await this.parts.store.readForward(from, {
      types: this.types,
      limit: batchSize,
    });
    const last = records.at(-1);
    if (!last) {
      return { cursor: from, published: 0 };
    }
    const published = await inTransaction(this.parts.pool, async (client) => {
      if ((await claimCheckpoint(client, this.name, from)) === undefined) {
        return false;
      }
      await this.publishAll(records);
      await advanceCheckpoint(client, this.name, last.cursor);
      return true;
    });
    if (!published) {
      return {
        cursor: await loadCheckpoint(this.parts.pool, this.name),
        published: 0,
      };
    }
    return { cursor: last.cursor, published: records.length };
  }

  /** Sent back to back on one connection, so JetStream stores them in order. */
  private async publishAll(records: readonly StoredRecord[]): Promise<void> {
    await Promise.all(
      records.map((record) => {
        const event = this.decodeOrSkip(record);
        if (!event) {
          return undefined;
        }
        const { body, headers } = messageOf(event);
        return this.parts.js.publish(
          this.parts.topology.badgesSubject(event.envelope.event.type),
          body,
          { msgID: event.envelope.id, headers },
        );
      }),
    );
  }

  /** An event stored by another writer in a form we cannot read is passed over. */
  private decodeOrSkip(record: StoredRecord): StoredEvent | undefined {
    try {
      return decodeRecord(record);
    } catch (error) {
      this.logger.warn(
        { err: error, eventId: record.id, position: record.cursor.position },
        "relay passed over an event it cannot decode",
      );
      return undefined;
    }
  }
}
