/**
 * The guarantees checked in SQL after a run with faults: each earned
 * (learner, badge) pair awarded exactly once, each award with exactly one
 * BadgeAwarded event and no such event without its award, every appended
 * submission stored exactly once, and nothing dead-lettered.
 */
import type pg from "pg";
import { awardKey } from "../../src/store/learner-badges.js";
import { expectedAwards, type Workload } from "../workload.js";

export async function checkInvariants(
  pool: pg.Pool,
  workload: Workload,
): Promise<string[]> {
  return [
    ...(await checkAwards(pool, workload)),
    ...(await checkAwardEvents(pool)),
    ...(await checkSubmissions(pool, workload)),
    ...(await checkDeadLetters(pool)),
  ];
}

async function checkAwards(pool: pg.Pool, workload: Workload) {
  const { rows } = await pool.query<{
    learner_id: string;
    badge_id: string;
    n: string;
  }>(
    `SELECT learner_id, badge_id, count(*) AS n
     FROM learner_badges GROUP BY learner_id, badge_id`,
  );
  const held = new Map(
    rows.map((row) => [awardKey(row.learner_id, row.badge_id), Number(row.n)]),
  );
  const expected = expectedAwards(workload);
  const missing = [...expected].filter((key) => !held.has(key));
  const unearned = [...held.keys()].filter((key) => !expected.has(key));
  const repeated = [...held.values()].filter((n) => n > 1);
  return [
    ...counted(missing.length, "earned award(s) missing", missing[0]),
    ...counted(unearned.length, "award(s) never earned", unearned[0]),
    ...counted(repeated.length, "award(s) held more than once"),
  ];
}

async function checkAwardEvents(pool: pg.Pool) {
  const { rows } = await pool.query<{ unmatched: string; orphans: string }>(
    `WITH events AS (
       SELECT (payload->'payload'->>'learner_id')::uuid AS learner_id,
              (payload->'payload'->>'badge_id')::uuid AS badge_id,
              count(*) AS n
       FROM event_store WHERE event_name = 'BadgeAwarded'
       GROUP BY 1, 2)
     SELECT
       count(*) FILTER (WHERE b.learner_id IS NOT NULL
                          AND coalesce(e.n, 0) <> 1) AS unmatched,
       coalesce(sum(e.n) FILTER (WHERE b.learner_id IS NULL), 0) AS orphans
     FROM learner_badges b
     FULL JOIN events e
       ON e.learner_id = b.learner_id AND e.badge_id = b.badge_id`,
  );
  const row = rows[0];
  return [
    ...counted(
      Number(row?.unmatched),
      "award(s) without exactly one BadgeAwarded event",
    ),
    ...counted(Number(row?.orphans), "BadgeAwarded event(s) without an award"),
  ];
}

async function checkSubmissions(pool: pg.Pool, workload: Workload) {
  const { rows } = await pool.query<{ n: string; ids: string }>(
    `SELECT count(*) AS n, count(DISTINCT id) AS ids
     FROM event_store WHERE event_name = 'QuizSubmitted'`,
  );
  const stored = Number(rows[0]?.n);
  const ids = Number(rows[0]?.ids);
  if (stored === workload.events && ids === workload.events) {
    return [];
  }
  return [
    `${stored} submissions stored (${ids} distinct ids) of ${workload.events} appended`,
  ];
}

async function checkDeadLetters(pool: pg.Pool) {
  const { rows } = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM dead_letters",
  );
  return counted(Number(rows[0]?.n), "valid event(s) dead-lettered");
}

/** One violation that says how many, and names one, or none when nothing is. */
export function counted(
  count: number,
  what: string,
  example?: string,
): string[] {
  if (count === 0) {
    return [];
  }
  return [`${count} ${what}${example ? `, e.g. ${example}` : ""}`];
}
