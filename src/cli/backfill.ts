/**
 * `backfill [--dry-run]`: replays the stored events against the current
 * catalog and prints, per badge, who would gain or lose it; without
 * --dry-run it applies that, with an event per change.
 */
import type pg from "pg";
import {
  applyBackfill,
  type BackfillPlan,
  planBackfill,
} from "../awards/backfill.js";
import { followUpTypes } from "../domain/events.js";
import { CommitAnnouncer } from "../store/commit-channel.js";
import { EventStore } from "../store/event-store.js";
import { withDatabase } from "./one-off.js";
import { ProgressBar } from "./progress-bar.js";

export interface BackfillOptions {
  dryRun: boolean;
  examples: number;
}

export function runBackfill(options: BackfillOptions): Promise<number> {
  return withDatabase(async ({ pool, catalog, logger }) => {
    const announcer = new CommitAnnouncer(pool, logger);
    const store = new EventStore(pool, () => announcer.announce());
    const bar = new ProgressBar("replaying", await storedEvents(pool));
    const parts = {
      pool,
      store,
      catalog,
      consumer: "badge-awards",
      onProgress: (events: number) => bar.update(events),
    };
    const plan = options.dryRun
      ? await planBackfill(parts)
      : await applyBackfill(parts);
    bar.done();
    printPlan(plan, options);
    return 0;
  });
}

async function storedEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM event_store WHERE event_name <> ALL($1::text[])",
    [followUpTypes],
  );
  return Number(rows[0]?.n ?? 0);
}

function printPlan(plan: BackfillPlan, options: BackfillOptions): void {
  const verb = options.dryRun ? "would" : "did";
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${plan.events} events replayed up to position ${plan.until.position}`);
  for (const { badge, gains, losses, kept } of plan.deltas) {
    out(
      `${badge.name} (${badge.id}, v${badge.version}): ${gains.length} ${verb} gain, ` +
        `${losses.length} ${verb} lose, ${kept.length} keep it though they no longer qualify`,
    );
    for (const learner of gains.slice(0, options.examples)) {
      out(`  + ${learner}`);
    }
    for (const learner of losses.slice(0, options.examples)) {
      out(`  - ${learner}`);
    }
  }
}
