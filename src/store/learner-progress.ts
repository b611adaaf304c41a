/**
 * Reads and writes learners' progress on the catalog's badges. A consumer
 * batch reads the progress and holdings of all its learners in one query
 * and writes back only what changed, in the batch's transaction.
 */
import type pg from "pg";
import type { Catalog } from "../domain/catalog.js";
import type { RuleState } from "../domain/rule-engine/evaluate.js";
import {
  type LearnerProgress,
  progressOf,
} from "../domain/rule-engine/learner-progress.js";

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

/** Upserts the progress entries that changed. */
export async function saveProgress(
  client: pg.PoolClient,
  all: ReadonlyMap<string, LearnerProgress>,
): Promise<number> {
  const changed = [...all].flatMap(([learnerId, progress]) =>
    [...progress]
      .filter(([, entry]) => entry.dirty)
      .map(([badgeId, entry]) => ({ learnerId, badgeId, ...entry })),
  );
  if (changed.length === 0) {
    return 0;
  }
  await client.query(
    `INSERT INTO learner_progress (learner_id, badge_id, version, state, revoked)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[], $5::bool[])
     ON CONFLICT (learner_id, badge_id) DO UPDATE
       SET version = excluded.version, state = excluded.state,
           revoked = excluded.revoked, updated_at = now()`,
    [
      changed.map((c) => c.learnerId),
      changed.map((c) => c.badgeId),
      changed.map((c) => c.version),
      changed.map((c) => JSON.stringify(c.state)),
      changed.map((c) => c.revoked),
    ],
  );
  return changed.length;
}
