/**
 * Replays the stored history through the rule engine with fresh progress,
 * up to a cursor: what the holdings would be had the current catalog been
 * in force from the start. Backfill compares this with what is held.
 */
import type { Catalog } from "../domain/catalog.js";
import { followUpTypes } from "../domain/events.js";
import type {
  BadgeChange,
  LearnerProgress,
} from "../domain/rule-engine/learner-progress.js";
import { compareCursors } from "../store/cursor-order.js";
import type { EventStore } from "../store/event-store.js";
import { type Cursor, streamStart } from "../store/stored-event.js";
import { decodeBatch, evaluateBatch } from "./award-plan.js";

export interface Replay {
  progress: Map<string, LearnerProgress>;
  /** The last change of each learner and badge, by `learner/badge`. */
  lastChanges: Map<string, BadgeChange>;
  events: number;
}

const pageSize = 5000;

export async function replayHistory(
  store: EventStore,
  catalog: Catalog,
  until: Cursor,
  onPage: (events: number) => void = () => {},
): Promise<Replay> {
  const replay: Replay = {
    progress: new Map(),
    lastChanges: new Map(),
    events: 0,
  };
  let cursor = streamStart;
  for (;;) {
    const page = (
      await store.readForward(cursor, {
        excludeTypes: followUpTypes,
        limit: pageSize,
      })
    ).filter((record) => compareCursors(record.cursor, until) <= 0);
    const last = page.at(-1);
    if (!last) {
      return replay;
    }
    replayPage(replay, catalog, decodeBatch(page).facts);
    replay.events += page.length;
    onPage(replay.events);
    cursor = last.cursor;
  }
}

function replayPage(
  replay: Replay,
  catalog: Catalog,
  facts: ReturnType<typeof decodeBatch>["facts"],
): void {
  for (const fact of facts) {
    if (!replay.progress.has(fact.learnerId)) {
      replay.progress.set(fact.learnerId, new Map());
    }
  }
  for (const change of evaluateBatch(catalog, replay.progress, facts)) {
    replay.lastChanges.set(`${change.learnerId}/${change.badge.id}`, change);
  }
}
