/**
 * Events a consumer could not process, with the reason. Recording one lets
 * the consumer move on; the event itself stays in the store untouched.
 */
import type pg from "pg";
import { runAlone } from "./run-alone.js";
import type { Statement, WritePart } from "./statement.js";

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

/** Records dead letters; the part returns the event ids not recorded before. */
export function deadLettersWrite(
  statement: Statement,
  consumer: string,
  letters: readonly DeadLetter[],
): WritePart {
  const b = (values: unknown) => statement.bind(values);
  return {
    name: "dead_letters_recorded",
    sql: `INSERT INTO dead_letters
       (consumer, event_id, global_position, event_name, code, reason,
        subject, body)
     SELECT ${b(consumer)}, *
     FROM unnest(${b(letters.map((l) => l.eventId))}::uuid[],
                 ${b(letters.map((l) => l.position))}::bigint[],
                 ${b(letters.map((l) => l.eventName))}::text[],
                 ${b(letters.map((l) => l.code))}::text[],
                 ${b(letters.map((l) => l.reason))}::text[],
                 ${b(letters.map((l) => l.subject ?? null))}::text[],
                 ${b(letters.map((l) => l.body ?? null))}::text[])
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
  };
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
  const recorded = await runAlone<{ event_id: string }>(client, (statement) =>
    deadLettersWrite(statement, consumer, letters),
  );
  return notRecordedBefore(letters, recorded);
}

/** The letters among `recorded`, the rows the insert returned. */
export function notRecordedBefore(
  letters: readonly DeadLetter[],
  recorded: readonly { event_id: string }[],
): DeadLetter[] {
  const fresh = new Set(recorded.map((row) => row.event_id));
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
