/**
 * Events a consumer could not process, with the reason. Recording one lets
 * the consumer move on; the event itself stays in the store untouched.
 */
import type pg from "pg";

export interface DeadLetter {
  eventId: string;
  /** Absent for a message refused before it reached the store. */
  position: number | null;
  eventName: string;
  code: string;
  reason: string;
  /** For bus messages: where it came from and what it said. */
  subject?: string;
  body?: string;
}

/** Records dead letters; returns those not recorded before. */
export async function recordDeadLetters(
  client: pg.Pool | pg.PoolClient,
  consumer: string,
  letters: readonly DeadLetter[],
): Promise<DeadLetter[]> {
  if (letters.length === 0) {
    return [];
  }
  const { rows } = await client.query<{ event_id: string }>(
    `INSERT INTO dead_letters
       (consumer, event_id, global_position, event_name, code, reason,
        subject, body)
     SELECT $1, * FROM unnest($2::uuid[], $3::bigint[], $4::text[],
                              $5::text[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [
      consumer,
      letters.map((l) => l.eventId),
      letters.map((l) => l.position),
      letters.map((l) => l.eventName),
      letters.map((l) => l.code),
      letters.map((l) => l.reason),
      letters.map((l) => l.subject ?? null),
      letters.map((l) => l.body ?? null),
    ],
  );
  const fresh = new Set(rows.map((row) => row.event_id));
  return letters.filter((letter) => fresh.has(letter.eventId));
}

export async function deadLettersOf(
  db: pg.Pool,
  consumer: string,
): Promise<DeadLetter[]> {
  const { rows } = await db.query<{
    event_id: string;
    global_position: string | null;
    event_name: string;
    code: string;
    reason: string;
  }>(
    `SELECT event_id, global_position, event_name, code, reason
     FROM dead_letters WHERE consumer = $1 ORDER BY global_position`,
    [consumer],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    position: row.global_position === null ? null : Number(row.global_position),
    eventName: row.event_name,
    code: row.code,
    reason: row.reason,
  }));
}
