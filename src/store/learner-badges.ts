/**
 * The learner-badge read model: current holdings, one row per learner and
 * badge, with the provenance of each award. The primary key decides who
 * holds a badge, never a prior check.
 */
import type pg from "pg";
import { runAlone } from "./run-alone.js";
import type { Statement, WritePart } from "./statement.js";

export interface Award {
  learnerId: string;
  badgeId: string;
  awardedAt: Date;
  reason: string;
  triggerEventId: string;
  ruleVersion?: number;
  /** The events (and values) that satisfied the rule. */
  evidence?: unknown;
}

/** A holding as stored; awards written by the original service name no trigger. */
export interface HeldBadge extends Omit<Award, "triggerEventId"> {
  triggerEventId: string | null;
}

/**
 * Records awards. Learner progress decides who gains a badge; a row still
 * there belongs to a badge revoked and earned again within one batch, and
 * takes the new award.
 */
export function awardsWrite(
  statement: Statement,
  awards: readonly Award[],
): WritePart {
  const b = (values: unknown[]) => statement.bind(values);
  return {
    name: "awards_written",
    sql: `INSERT INTO learner_badges
       (learner_id, badge_id, awarded_at, reason, trigger_event_id,
        rule_version, evidence)
     SELECT * FROM unnest(${b(awards.map((a) => a.learnerId))}::uuid[],
                          ${b(awards.map((a) => a.badgeId))}::uuid[],
                          ${b(awards.map((a) => a.awardedAt))}::timestamptz[],
                          ${b(awards.map((a) => a.reason))}::text[],
                          ${b(awards.map((a) => a.triggerEventId))}::uuid[],
                          ${b(awards.map((a) => a.ruleVersion ?? null))}::int[],
                          ${b(awards.map(evidenceOf))}::jsonb[])
     ON CONFLICT (learner_id, badge_id) DO UPDATE
       SET awarded_at = excluded.awarded_at, reason = excluded.reason,
           trigger_event_id = excluded.trigger_event_id,
           rule_version = excluded.rule_version, evidence = excluded.evidence`,
  };
}

/** Removes holdings; none of them may be among the awards of the same statement. */
export function removalsWrite(
  statement: Statement,
  holdings: readonly { learnerId: string; badgeId: string }[],
): WritePart {
  const learners = statement.bind(holdings.map((h) => h.learnerId));
  const badges = statement.bind(holdings.map((h) => h.badgeId));
  return {
    name: "awards_removed",
    sql: `DELETE FROM learner_badges b
     USING unnest(${learners}::uuid[], ${badges}::uuid[])
       AS gone(learner_id, badge_id)
     WHERE b.learner_id = gone.learner_id AND b.badge_id = gone.badge_id`,
  };
}

export async function insertAwards(
  client: pg.PoolClient,
  awards: readonly Award[],
): Promise<void> {
  if (awards.length === 0) {
    return;
  }
  await runAlone(client, (statement) => awardsWrite(statement, awards));
}

export async function removeAwards(
  client: pg.PoolClient,
  holdings: readonly { learnerId: string; badgeId: string }[],
): Promise<void> {
  if (holdings.length === 0) {
    return;
  }
  await runAlone(client, (statement) => removalsWrite(statement, holdings));
}

function evidenceOf(award: Award): string | null {
  return award.evidence === undefined ? null : JSON.stringify(award.evidence);
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
    rule_version: number | null;
    evidence: unknown;
  }>(
    `SELECT badge_id, awarded_at, reason, trigger_event_id, rule_version, evidence
     FROM learner_badges WHERE learner_id = $1 ORDER BY awarded_at, badge_id`,
    [learnerId],
  );
  return rows.map((row) => ({
    learnerId,
    badgeId: row.badge_id,
    awardedAt: row.awarded_at,
    reason: row.reason,
    triggerEventId: row.trigger_event_id,
    ...(row.rule_version === null ? {} : { ruleVersion: row.rule_version }),
    ...(row.evidence === null ? {} : { evidence: row.evidence }),
  }));
}

export function awardKey(learnerId: string, badgeId: string): string {
  return `${learnerId}/${badgeId}`;
}
