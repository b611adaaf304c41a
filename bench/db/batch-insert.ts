/**
 * The reference way to store events: many rows per INSERT, nothing else.
 * It is also how backlogs are loaded before the service is started on them.
 */
import pg from "pg";
import { encodeEvent } from "../../src/domain/envelope-codec.js";
import type { Envelope } from "../../src/domain/events.js";

const insertRows = `
INSERT INTO event_store (id, occurred_at, event_name, payload)
SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::jsonb[])`;

export async function insertBatch(
  db: pg.ClientBase | pg.Pool,
  envelopes: readonly Envelope[],
): Promise<void> {
  await db.query(insertRows, [
    envelopes.map((e) => e.id),
    envelopes.map((e) => e.occurredAt),
    envelopes.map((e) => e.event.type),
    envelopes.map((e) => JSON.stringify(encodeEvent(e.event))),
  ]);
}

/** Stores the batches over several connections, each batch in autocommit. */
export async function loadBatches(
  url: string,
  batches: Iterable<readonly Envelope[]>,
  connections: number,
): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    const iterator = batches[Symbol.iterator]();
    const worker = async () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        await insertBatch(pool, next.value);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.end();
  }
}
