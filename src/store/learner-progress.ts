/**
 * Reads and writes learners' progress on the catalog's badges. A consumer
 * batch reads the progress and holdings of all its learners in one query
 * and writes back only what changed, in the batch's transaction.
 */
import type pg from "pg";
import type { Catalog } from "../domain/catalog.js";
import type { RuleState } from "../domain/rule-engine/evaluate.js";
import {
  type BadgeProgress,
  type LearnerProgress,
  progressOf,
} from "../domain/rule-engine/learner-progress.js";
import { runAlone } from "./run-alone.js";
import type { Statement, WritePart } from "./statement.js";

type Queryable = pg.Pool | pg.PoolClient;

interface ProgressRow {
  learner_id: string;
  badge_id: string;
  version: number | null;
  state: RuleState | null;
  revoked: boolean | null;
  held: boolean;
}

export async function loadProgress(
  db: Queryable,
  learnerIds: readonly string[],
  catalog: Catalog,
): Promise<Map<string, LearnerProgress>> {
  const { rows } = await db.query<ProgressRow>(
    `SELECT coalesce(p.learner_id, b.learner_id) AS learner_id,
            coalesce(p.badge_id, b.badge_id) AS badge_id,
            p.version, p.state, p.revoked, b.learner_id IS NOT NULL AS held
     FROM (SELECT * FROM learner_progress WHERE learner_id = ANY($1::uuid[])) p
     FULL JOIN (SELECT learner_id, badge_id FROM learner_badges
                WHERE learner_id = ANY($1::uuid[])) b
       USING (learner_id, badge_id)`,
    [learnerIds],
  );
  const all = new Map<string, LearnerProgress>(
    learnerIds.map((id) => [id, new Map()]),
  );
  for (const row of rows) {
    all.get(row.learner_id)?.set(row.badge_id, {
      version: row.version ?? 0,
      state: row.state ?? {},
      held: row.held,
      revoked: row.revoked ?? false,
      dirty: false,
    });
  }
  for (const progress of all.values()) {
    for (const badge of catalog) {
      progressOf(progress, badge);
    }
  }
  return all;
}

/** A progress entry to write back, with whose and which badge's it is. */
export interface ChangedProgress extends BadgeProgress {
  learnerId: string;
  badgeId: string;
}

/** Upserts the given progress entries. */
export function progressWrite(
  statement: Statement,
  changed: readonly ChangedProgress[],
): WritePart {
  const b = (values: unknown[]) => statement.bind(values);
  return {
    name: "progress_written",
    sql: `INSERT INTO learner_progress (learner_id, badge_id, version, state, revoked)
     SELECT * FROM unnest(${b(changed.map((c) => c.learnerId))}::uuid[],
                          ${b(changed.map((c) => c.badgeId))}::uuid[],
                          ${b(changed.map((c) => c.version))}::int[],
                          ${b(changed.map((c) => JSON.stringify(c.state)))}::jsonb[],
                          ${b(changed.map((c) => c.revoked))}::bool[])
     ON CONFLICT (learner_id, badge_id) DO UPDATE
       SET version = excluded.version, state = excluded.state,
           revoked = excluded.revoked, updated_at = now()`,
  };
}

export async function saveProgress(
  client: pg.PoolClient,
  all: ReadonlyMap<string, LearnerProgress>,
): Promise<void> {
  const changed = changedProgress(all);
  if (changed.length === 0) {
    return;
  }
  await runAlone(client, (statement) => progressWrite(statement, changed));
}

/** The entries that evaluation changed since they were loaded. */
export function changedProgress(
  all: ReadonlyMap<string, LearnerProgress>,
): ChangedProgress[] {
  return [...all].flatMap(([learnerId, progress]) =>
    [...progress]
      .filter(([, entry]) => entry.dirty)
      .map(([badgeId, entry]) => ({ learnerId, badgeId, ...entry })),
  );
}
