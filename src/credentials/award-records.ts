/**
 * Awards as credentials see them: each BadgeAwarded event of the store, with
 * the event that earned it (from learner_badges) and whether a BadgeRevoked
 * for the same learner and badge was stored after it.
 */
import type pg from "pg";
import { badgeAwardedEventId } from "../domain/award-ids.js";
import { decodeEvent } from "../domain/envelope-codec.js";
import { badgesOfLearner } from "../store/learner-badges.js";

type Queryable = pg.Pool | pg.PoolClient;

export interface AwardRecord {
  /** The id of the BadgeAwarded event. */
  awardId: string;
  position: number;
  learnerId: string;
  badgeId: string;
  awardedAt: Date;
  reason: string;
  /** Unknown for awards of the original service, which recorded no trigger. */
  trigger?: { eventId: string; eventType: string; occurredAt: Date };
  revoked: boolean;
}

interface AwardRow {
  id: string;
  global_position: string;
  payload: unknown;
  trigger_event_id: string | null;
  trigger_type: string | null;
  trigger_occurred_at: Date | null;
  revoked: boolean;
}

const ofPayload = (alias: string, field: string) =>
  `(${alias}.payload->'payload'->>'${field}')::uuid`;

const selectAwards = `
SELECT a.id, a.global_position, a.payload,
       lb.trigger_event_id, t.event_name AS trigger_type,
       t.occurred_at AS trigger_occurred_at,
       EXISTS (
         SELECT 1 FROM event_store r
         WHERE r.event_name = 'BadgeRevoked'
           AND r.global_position > a.global_position
           AND ${ofPayload("r", "learner_id")} = ${ofPayload("a", "learner_id")}
           AND ${ofPayload("r", "badge_id")} = ${ofPayload("a", "badge_id")}
       ) AS revoked
FROM event_store a
LEFT JOIN learner_badges lb
  ON lb.learner_id = ${ofPayload("a", "learner_id")}
 AND lb.badge_id = ${ofPayload("a", "badge_id")}
LEFT JOIN event_store t ON t.id = lb.trigger_event_id
WHERE a.event_name = 'BadgeAwarded'`;

export async function awardById(
  db: Queryable,
  awardId: string,
): Promise<AwardRecord | undefined> {
  const [award] = await awardsByIds(db, [awardId]);
  return award;
}

export async function awardsByIds(
  db: Queryable,
  awardIds: readonly string[],
): Promise<AwardRecord[]> {
  if (awardIds.length === 0) {
    return [];
  }
  const { rows } = await db.query<AwardRow>(
    `${selectAwards} AND a.id = ANY($1::uuid[]) ORDER BY a.global_position`,
    [awardIds],
  );
  return rows.map(toRecord);
}

/** The learner's current holdings, each as the award that made it. */
export async function awardsOfLearner(
  db: Queryable,
  learnerId: string,
): Promise<AwardRecord[]> {
  const held = await badgesOfLearner(db, learnerId);
  const awards = await Promise.all(
    held.map((holding) =>
      holding.triggerEventId
        ? awardById(
            db,
            badgeAwardedEventId(holding.triggerEventId, holding.badgeId),
          )
        : latestAwardByPayload(db, learnerId, holding.badgeId),
    ),
  );
  return awards.filter((award) => award !== undefined);
}

/** The newest award of a badge to a learner, held or revoked since. */
export async function awardOfLearnerBadge(
  db: Queryable,
  learnerId: string,
  badgeId: string,
): Promise<AwardRecord | undefined> {
  const holding = (await badgesOfLearner(db, learnerId)).find(
    (held) => held.badgeId === badgeId,
  );
  const held = holding?.triggerEventId
    ? await awardById(db, badgeAwardedEventId(holding.triggerEventId, badgeId))
    : undefined;
  return held ?? latestAwardByPayload(db, learnerId, badgeId);
}

/** Global positions of revoked awards in [from, to): the bits of a status list. */
export async function revokedPositions(
  db: Queryable,
  from: number,
  to: number,
): Promise<number[]> {
  const { rows } = await db.query<{ global_position: string }>(
    `SELECT global_position FROM (${selectAwards}
       AND a.global_position >= $1 AND a.global_position < $2) AS awards
     WHERE revoked`,
    [from, to],
  );
  return rows.map((row) => Number(row.global_position));
}

/** Scans the awards by payload: only for holdings that name no trigger. */
async function latestAwardByPayload(
  db: Queryable,
  learnerId: string,
  badgeId: string,
): Promise<AwardRecord | undefined> {
  const { rows } = await db.query<AwardRow>(
    `${selectAwards}
       AND ${ofPayload("a", "learner_id")} = $1
       AND ${ofPayload("a", "badge_id")} = $2
     ORDER BY a.global_position DESC LIMIT 1`,
    [learnerId, badgeId],
  );
  return rows[0] && toRecord(rows[0]);
}

function toRecord(row: AwardRow): AwardRecord {
  const event = decodeEvent(row.payload);
  if (event.type !== "BadgeAwarded") {
    throw new Error(`event ${row.id} is stored as BadgeAwarded but is not one`);
  }
  const { learnerId, badgeId, awardedAt, reason } = event.payload;
  return {
    awardId: row.id,
    position: Number(row.global_position),
    learnerId,
    badgeId,
    awardedAt,
    reason,
    revoked: row.revoked,
    ...triggerOf(row, badgeId),
  };
}

/**
 * learner_badges names the trigger of the current holding; it is this
 * award's only if the award's id derives from it.
 */
function triggerOf(
  row: AwardRow,
  badgeId: string,
): Pick<AwardRecord, "trigger"> {
  const { trigger_event_id: eventId, trigger_type, trigger_occurred_at } = row;
  if (
    !eventId ||
    !trigger_type ||
    !trigger_occurred_at ||
    badgeAwardedEventId(eventId, badgeId) !== row.id
  ) {
    return {};
  }
  return {
    trigger: {
      eventId,
      eventType: trigger_type,
      occurredAt: trigger_occurred_at,
    },
  };
}
