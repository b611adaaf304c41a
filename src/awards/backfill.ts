/**
 * Backfill: brings holdings in line with the current catalog by replaying
 * the stored history, for badges added or changed after events arrived.
 * The plan compares the replay with current holdings; applying it records
 * each gain with a BadgeAwarded event and each loss of a revocable badge
 * with a BadgeRevoked event, and replaces the learners' progress. It holds
 * the award consumer's checkpoint meanwhile, so the two never interleave,
 * and a second run finds nothing to change.
 */
import type pg from "pg";
import { v5 as uuidv5 } from "uuid";
import type { Badge, Catalog } from "../domain/catalog.js";
import type { Envelope } from "../domain/events.js";
import type { BadgeChange } from "../domain/rule-engine/learner-progress.js";
import { loadCheckpoint, markCheckpointChanged } from "../store/checkpoints.js";
import type { EventStore } from "../store/event-store.js";
import { insertAwards, removeAwards } from "../store/learner-badges.js";
import { saveProgress } from "../store/learner-progress.js";
import type { Cursor } from "../store/stored-event.js";
import { inTransaction } from "../store/transaction.js";
import { effectsOf } from "./award-plan.js";
import { badgeRevokedEvent } from "./badge-events.js";
import { type Replay, replayHistory } from "./replay.js";

export interface BadgeDelta {
  badge: Badge;
  /** Learners who would gain the badge. */
  gains: string[];
  /** Learners who would lose it (revocable badges only). */
  losses: string[];
  /** Learners who no longer qualify but keep it: the badge is never revoked. */
  kept: string[];
}

export interface BackfillPlan {
  until: Cursor;
  events: number;
  deltas: BadgeDelta[];
  replay: Replay;
}

export interface BackfillParts {
  pool: pg.Pool;
  store: EventStore;
  catalog: Catalog;
  consumer: string;
  onProgress?: (events: number) => void;
}

export async function planBackfill(
  parts: BackfillParts,
  until?: Cursor,
): Promise<BackfillPlan> {
  const upTo = until ?? (await loadCheckpoint(parts.pool, parts.consumer));
  const replay = await replayHistory(
    parts.store,
    parts.catalog,
    upTo,
    parts.onProgress,
  );
  const held = await currentHoldings(parts.pool);
  const deltas = parts.catalog.map((badge) => deltaOf(badge, replay, held));
  return { until: upTo, events: replay.events, deltas, replay };
}

/** Applies a fresh plan; returns it, with what it changed. */
export async function applyBackfill(
  parts: BackfillParts,
): Promise<BackfillPlan> {
  for (;;) {
    const plan = await planBackfill(parts);
    const applied = await inTransaction(parts.pool, async (client) => {
      if (!(await holdCheckpoint(client, parts.consumer, plan.until))) {
        return false;
      }
      await record(client, parts.store, plan);
      await markCheckpointChanged(client, parts.consumer);
      return true;
    });
    if (applied) {
      parts.store.announceCommitted();
      return plan;
    }
  }
}

async function record(
  client: pg.PoolClient,
  store: EventStore,
  plan: BackfillPlan,
): Promise<void> {
  const gains = plan.deltas.flatMap((delta) =>
    delta.gains.map((learner) =>
      plan.replay.lastChanges.get(key(learner, delta.badge.id)),
    ),
  );
  const gained = effectsOf(gains.filter((change) => change !== undefined));
  const losses = plan.deltas.flatMap((delta) =>
    delta.losses.map((learnerId) => ({
      learnerId,
      badgeId: delta.badge.id,
      badge: delta.badge,
    })),
  );
  const events: Envelope[] = [
    ...gained.events,
    ...losses.map((loss) =>
      badgeRevokedEvent(backfillChange(loss.badge, loss.learnerId)),
    ),
  ];

  await removeAwards(client, losses);
  await insertAwards(client, gained.awards);
  await store.appendWithin(client, events);
  keepWhatIsKept(plan);
  markAllChanged(plan.replay);
  await client.query(
    "DELETE FROM learner_progress WHERE learner_id = ANY($1::uuid[])",
    [[...plan.replay.progress.keys()]],
  );
  await saveProgress(client, plan.replay.progress);
}

/** Waits for the consumer's batch in hand, then holds its checkpoint; false if it moved meanwhile. */
async function holdCheckpoint(
  client: pg.PoolClient,
  consumer: string,
  until: Cursor,
): Promise<boolean> {
  const { rows } = await client.query<{
    transaction_id: string;
    global_position: string;
  }>(
    `SELECT transaction_id::text, global_position FROM consumer_checkpoints
     WHERE consumer = $1 FOR UPDATE`,
    [consumer],
  );
  const row = rows[0];
  return (
    row !== undefined &&
    row.transaction_id === until.transactionId &&
    Number(row.global_position) === until.position
  );
}

function deltaOf(badge: Badge, replay: Replay, held: Set<string>): BadgeDelta {
  const delta: BadgeDelta = { badge, gains: [], losses: [], kept: [] };
  for (const [learner, progress] of replay.progress) {
    const shouldHold = progress.get(badge.id)?.held ?? false;
    const holds = held.has(key(learner, badge.id));
    if (shouldHold && !holds) {
      delta.gains.push(learner);
    } else if (!shouldHold && holds) {
      (badge.revocation === "never" ? delta.kept : delta.losses).push(learner);
    }
  }
  return delta;
}

/** A badge that is never revoked stays held, so the consumer does not award it again. */
function keepWhatIsKept(plan: BackfillPlan): void {
  for (const delta of plan.deltas) {
    for (const learner of delta.kept) {
      const entry = plan.replay.progress.get(learner)?.get(delta.badge.id);
      if (entry) {
        entry.held = true;
      }
    }
  }
}

function markAllChanged(replay: Replay): void {
  for (const progress of replay.progress.values()) {
    for (const entry of progress.values()) {
      entry.dirty = true;
    }
  }
}

async function currentHoldings(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ learner_id: string; badge_id: string }>(
    "SELECT learner_id, badge_id FROM learner_badges",
  );
  return new Set(rows.map((row) => key(row.learner_id, row.badge_id)));
}

const backfillNamespace = "c7b0d3e2-4a51-5f86-9b1e-3d2c4f5a6b7c";

/** A loss found by backfill has no triggering event; its id derives from badge version and learner. */
function backfillChange(badge: Badge, learnerId: string): BadgeChange {
  return {
    kind: "revoke",
    badge,
    learnerId,
    evidence: [],
    fact: {
      id: uuidv5(
        `backfill/${badge.id}/${badge.version}/${learnerId}`,
        backfillNamespace,
      ),
      type: "QuizSubmitted",
      learnerId,
      occurredAt: new Date(),
      fields: {},
    },
  };
}

function key(learner: string, badge: string): string {
  return `${learner}/${badge}`;
}
