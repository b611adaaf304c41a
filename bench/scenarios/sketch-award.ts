/**
 * The original sketch's way of handling one submission, statement by
 * statement in autocommit: store it, then for each badge it earns check
 * whether the learner holds it and, if not, insert the award and its
 * BadgeAwarded event. Both rules are applied, as the sketch meant to.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { defaultCatalog } from "../../src/domain/catalog.js";
import { encodeEvent } from "../../src/domain/envelope-codec.js";
import { badgesEarned } from "../../src/domain/rules.js";
import type { Submission } from "../workload.js";

const insertEvent = `INSERT INTO event_store (id, occurred_at, event_name, payload)
  VALUES ($1, $2, $3, $4)`;

const holds = `SELECT EXISTS (SELECT 1 FROM learner_badges
  WHERE learner_id = $1 AND badge_id = $2) AS held`;

const insertAward = `INSERT INTO learner_badges
  (learner_id, badge_id, awarded_at, reason) VALUES ($1, $2, $3, $4)`;

export async function handleLikeTheSketch(
  client: pg.ClientBase,
  submission: Submission,
): Promise<void> {
  const { event } = submission;
  await client.query(insertEvent, [
    submission.id,
    submission.occurredAt,
    event.type,
    JSON.stringify(encodeEvent(event)),
  ]);
  for (const badge of badgesEarned(defaultCatalog, event.payload)) {
    const { rows } = await client.query<{ held: boolean }>(holds, [
      event.payload.learnerId,
      badge.id,
    ]);
    if (rows[0]?.held) {
      continue;
    }
    const awardedAt = new Date();
    await client.query(insertAward, [
      event.payload.learnerId,
      badge.id,
      awardedAt,
      badge.reason,
    ]);
    const awarded = encodeEvent({
      type: "BadgeAwarded",
      payload: {
        badgeId: badge.id,
        learnerId: event.payload.learnerId,
        awardedAt,
        reason: badge.reason,
      },
    });
    await client.query(insertEvent, [
      randomUUID(),
      awardedAt,
      "BadgeAwarded",
      JSON.stringify(awarded),
    ]);
  }
}
