/**
 * Why a learner holds a badge, or why not yet: the award with the rule
 * version and the events that satisfied it, or the progress so far.
 */
import type pg from "pg";
import { HttpProblem } from "../api/problem.js";
import type { Catalog } from "../domain/catalog.js";
import { loadProgress } from "../store/learner-progress.js";

/** Written in the wire's snake_case: it is printed and served as it is. */
export interface Explanation {
  learner_id: string;
  badge_id: string;
  name: string;
  held: boolean;
  rule: { kind: string; version: number };
  award?: {
    awarded_at: string;
    reason: string;
    trigger_event_id: string | null;
    rule_version: number | null;
    evidence: unknown;
  };
  /** The rule's state for this learner: counts, streaks, qualifying events. */
  progress: unknown;
}

export async function explainHolding(
  pool: pg.Pool,
  catalog: Catalog,
  learnerId: string,
  badgeId: string,
): Promise<Explanation> {
  const badge = catalog.find((b) => b.id === badgeId);
  if (!badge) {
    throw new HttpProblem(
      404,
      "NOT_FOUND",
      `no badge ${badgeId} in the catalog`,
      [{ field: "badgeId", reason: "names no badge of the catalog" }],
    );
  }
  const [award, progress] = await Promise.all([
    awardRow(pool, learnerId, badgeId),
    loadProgress(pool, [learnerId], catalog),
  ]);
  return {
    learner_id: learnerId,
    badge_id: badgeId,
    name: badge.name,
    held: award !== undefined,
    rule: { kind: badge.rule.kind, version: badge.version },
    ...(award ? { award } : {}),
    progress: progress.get(learnerId)?.get(badgeId)?.state ?? null,
  };
}

async function awardRow(pool: pg.Pool, learnerId: string, badgeId: string) {
  const { rows } = await pool.query<{
    awarded_at: Date;
    reason: string;
    trigger_event_id: string | null;
    rule_version: number | null;
    evidence: unknown;
  }>(
    `SELECT awarded_at, reason, trigger_event_id, rule_version, evidence
     FROM learner_badges WHERE learner_id = $1 AND badge_id = $2`,
    [learnerId, badgeId],
  );
  const row = rows[0];
  return row
    ? {
        awarded_at: row.awarded_at.toISOString(),
        reason: row.reason,
        trigger_event_id: row.trigger_event_id,
        rule_version: row.rule_version,
        evidence: row.evidence,
      }
    : undefined;
}
