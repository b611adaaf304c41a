/**
 * The learner-badge read model: current holdings, one row per learner and
 * badge. The primary key decides who gets a badge, never a prior check.
 */
import type pg from "pg";

export interface Award {
  learnerId: string;
  badgeId: string;
  awardedAt: Date;
  reason: string;
  triggerEventId: string;
}

/** A holding as stored; awards written by the original service name no trigger. */
export interface HeldBadge extends Omit<Award, "triggerEventId"> {
  triggerEventId: string | null;
}

/** Inserts the awards not held yet; returns those actually made. */
export async function insertAbsentAwards(
  client: pg.PoolClient,
  awards: readonly Award[],
): Promise<Award[]> {
  if (awards.length === 0) {
    return [];
  }
  const { rows } = await client.query<{ learner_id: string; badge_id: string }>(
    `INSERT INTO learner_badges
       (learner_id, badge_id, awarded_at, reason, trigger_event_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[],
                          $4::text[], $5::uuid[])
     ON CONFLICT (learner_id, badge_id) DO NOTHING
     RETURNING learner_id, badge_id`,
    [
      awards.map((a) => a.learnerId),
      awards.map((a) => a.badgeId),
      awards.map((a) => a.awardedAt),
      awards.map((a) => a.reason),
      awards.map((a) => a.triggerEventId),
    ],
  );
  const made = new Set(
    rows.map((row) => awardKey(row.learner_id, row.badge_id)),
  );
  return awards.filter((a) => made.has(awardKey(a.learnerId, a.badgeId)));
}

export async function badgesOfLearner(
  db: pg.Pool | pg.PoolClient,
  learnerId: string,
): Promise<HeldBadge[]> {
  const { rows } = await db.query<{
    badge_id: string;
    awarded_at: Date;
    reason: string;
    trigger_event_id: string | null;
  }>(
    `SELECT badge_id, awarded_at, reason, trigger_event_id
     FROM learner_badges WHERE learner_id = $1 ORDER BY awarded_at, badge_id`,
    [learnerId],
  );
  return rows.map((row) => ({
    learnerId,
    badgeId: row.badge_id,
    awardedAt: row.awarded_at,
    reason: row.reason,
    triggerEventId: row.trigger_event_id,
  }));
}

export function awardKey(learnerId: string, badgeId: string): string {
  return `${learnerId}/${badgeId}`;
}
