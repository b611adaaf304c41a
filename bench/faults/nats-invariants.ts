/**
 * The guarantees of a run fed through NATS, beyond those checked for every
 * fault: each event JetStream acknowledged to the publisher is stored
 * exactly once, and the badges stream holds each follow-up event of the
 * store exactly once by message id, and nothing else. The relay republishes
 * a batch whose acks it did not all get, so the stream's deduplication by
 * message id is what keeps a repeat out.
 */
import type pg from "pg";
import { followUpTypes } from "../../src/domain/events.js";
import type { RunNamespace } from "../service/nats-namespace.js";
import { counted } from "./invariants.js";
import { messageIdsIn } from "./stream-message-ids.js";

export async function checkPublishedStored(
  pool: pg.Pool,
  acked: ReadonlySet<string>,
): Promise<string[]> {
  const { rows } = await pool.query<{ n: string; ids: string }>(
    `SELECT count(*) AS n, count(DISTINCT id) AS ids
     FROM event_store WHERE id = ANY($1::uuid[])`,
    [[...acked]],
  );
  const stored = Number(rows[0]?.n);
  const ids = Number(rows[0]?.ids);
  return [
    ...counted(acked.size - ids, "acknowledged event(s) never stored"),
    ...counted(stored - ids, "acknowledged event(s) stored more than once"),
  ];
}

export async function checkBadgesStream(
  pool: pg.Pool,
  nats: RunNamespace,
): Promise<string[]> {
  const stream = nats.topology.badgesStream;
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM event_store WHERE event_name = ANY($1::text[])",
    [followUpTypes],
  );
  const stored = new Set(rows.map((row) => row.id));
  const held = await messageIdsIn(nats, stream);
  const missing = [...stored].filter((id) => !held.counts.has(id));
  const repeated = [...held.counts].filter(([, n]) => n > 1);
  const foreign = [...held.counts.keys()].filter((id) => !stored.has(id));
  return [
    ...counted(missing.length, `event(s) missing from ${stream}`, missing[0]),
    ...counted(
      repeated.length,
      `event(s) held more than once in ${stream}`,
      repeated[0]?.[0],
    ),
    ...counted(
      foreign.length,
      `message(s) of ${stream} not stored`,
      foreign[0],
    ),
    ...counted(held.withoutId, `message(s) of ${stream} without a message id`),
  ];
}
