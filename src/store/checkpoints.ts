/**
 * Durable consumer checkpoints. A consumer advances its checkpoint in the
 * same transaction as the effects of the events it passes.
 */
import type pg from "pg";
import { runAlone } from "./run-alone.js";
import type { Statement, WritePart } from "./statement.js";
import { type Cursor, streamStart } from "./stored-event.js";

interface CheckpointRow {
  transaction_id: string;
  global_position: string;
}

export async function loadCheckpoint(
  pool: pg.Pool,
  consumer: string,
): Promise<Cursor> {
  await pool.query(
    `INSERT INTO consumer_checkpoints (consumer, transaction_id, global_position)
     VALUES ($1, $2::xid8, $3) ON CONFLICT (consumer) DO NOTHING`,
    [consumer, streamStart.transactionId, streamStart.position],
  );
  const { rows } = await pool.query<CheckpointRow>(
    `SELECT transaction_id::text, global_position
     FROM consumer_checkpoints WHERE consumer = $1`,
    [consumer],
  );
  return toCursor(rows[0]);
}

/**
 * Locks the checkpoint for this transaction and tells whether it still
 * stands where the caller read from: its version if so, else undefined.
 * Undefined means another process holds it now or has moved it: competing
 * workers take turns, never wait in line.
 */
export async function claimCheckpoint(
  client: pg.PoolClient,
  consumer: string,
  expected: Cursor,
): Promise<number | undefined> {
  const { rows } = await client.query<CheckpointRow & { version: string }>(
    `SELECT transaction_id::text, global_position, version
     FROM consumer_checkpoints WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
    [consumer],
  );
  const current = rows[0];
  const standsAtExpected =
    current !== undefined &&
    current.transaction_id === expected.transactionId &&
    Number(current.global_position) === expected.position;
  return standsAtExpected ? Number(current.version) : undefined;
}

export function checkpointWrite(
  statement: Statement,
  consumer: string,
  to: Cursor,
): WritePart {
  return {
    name: "checkpoint_advanced",
    sql: `UPDATE consumer_checkpoints
     SET transaction_id = ${statement.bind(to.transactionId)}::xid8,
         global_position = ${statement.bind(to.position)},
         version = version + 1, updated_at = now()
     WHERE consumer = ${statement.bind(consumer)}
     RETURNING version`,
  };
}

/**
 * Counts up the version of a checkpoint whose consumer's derived state was
 * changed by someone else, so that what the consumer keeps in memory of it
 * is dropped.
 */
export async function markCheckpointChanged(
  client: pg.PoolClient,
  consumer: string,
): Promise<void> {
  await client.query(
    `UPDATE consumer_checkpoints SET version = version + 1, updated_at = now()
     WHERE consumer = $1`,
    [consumer],
  );
}

export async function advanceCheckpoint(
  client: pg.PoolClient,
  consumer: string,
  to: Cursor,
): Promise<void> {
  await runAlone(client, (statement) =>
    checkpointWrite(statement, consumer, to),
  );
}

function toCursor(row: CheckpointRow | undefined): Cursor {
  if (!row) {
    return streamStart;
  }
  return {
    transactionId: row.transaction_id,
    position: Number(row.global_position),
  };
}

export interface ConsumerLag {
  /** Events of interest stored after the consumer's checkpoint. */
  events: number;
  /** Age of the oldest of them; 0 when there are none. */
  seconds: number;
}

export async function consumerLag(
  db: pg.Pool,
  consumer: string,
  excludeTypes: readonly string[] = [],
): Promise<ConsumerLag> {
  const { rows } = await db.query<{ events: string; seconds: number | null }>(
    `SELECT count(*) AS events,
            extract(epoch FROM now() - min(e.recorded_at))::float8 AS seconds
     FROM event_store e
     LEFT JOIN consumer_checkpoints c ON c.consumer = $1
     WHERE e.event_name <> ALL($2::text[])
       AND (c.consumer IS NULL
            OR (e.transaction_id, e.global_position)
               > (c.transaction_id, c.global_position))`,
    [consumer, excludeTypes],
  );
  const row = rows[0];
  return {
    events: Number(row?.events ?? 0),
    seconds: Math.max(0, row?.seconds ?? 0),
  };
}
