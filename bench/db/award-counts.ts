/**
 * What a run must have produced: one award per earned (learner, badge) pair
 * and one BadgeAwarded event per award. A run that produced anything else
 * is a wrong result, whatever its speed.
 */
import type pg from "pg";

export class WrongResultError extends Error {
  override readonly name = "WrongResultError";
}

export interface AwardCounts {
  awards: number;
  awardEvents: number;
}

export async function countAwards(db: pg.Pool): Promise<AwardCounts> {
  const { rows } = await db.query<{ awards: string; events: string }>(
    `SELECT (SELECT count(*) FROM learner_badges) AS awards,
            (SELECT count(*) FROM event_store
             WHERE event_name = 'BadgeAwarded') AS events`,
  );
  return {
    awards: Number(rows[0]?.awards),
    awardEvents: Number(rows[0]?.events),
  };
}

export async function expectAwardCounts(
  db: pg.Pool,
  expected: number,
): Promise<void> {
  const counts = await countAwards(db);
  if (counts.awards !== expected || counts.awardEvents !== expected) {
    throw new WrongResultError(
      `expected ${expected} awards and as many BadgeAwarded events, ` +
        `found ${counts.awards} awards and ${counts.awardEvents} events`,
    );
  }
}
