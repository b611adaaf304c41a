/**
 * Everything one consumer batch changes, written by one statement: dead
 * letters, holdings lost and gained, their events, learner progress and the
 * checkpoint. One round trip inside the batch's transaction, where a
 * statement per table would cost one each.
 */
import type pg from "pg";
import type { Envelope } from "../domain/events.js";
import type { LearnerProgress } from "../domain/rule-engine/learner-progress.js";
import { checkpointWrite } from "../store/checkpoints.js";
import {
  type DeadLetter,
  deadLettersWrite,
  notRecordedBefore,
} from "../store/dead-letters.js";
import { eventsWrite } from "../store/event-store.js";
import {
  type Award,
  awardsWrite,
  removalsWrite,
} from "../store/learner-badges.js";
import { progressWrite } from "../store/learner-progress.js";
import { Statement, withParts } from "../store/statement.js";
import type { Cursor } from "../store/stored-event.js";

export interface BatchWrites {
  consumer: string;
  deadLetters: readonly DeadLetter[];
  removals: readonly { learnerId: string; badgeId: string }[];
  awards: readonly Award[];
  /** BadgeAwarded and BadgeRevoked, with ids derived from what they record. */
  events: readonly Envelope[];
  progress: ReadonlyMap<string, LearnerProgress>;
  checkpoint: Cursor;
}

/** Writes the batch; returns the dead letters not recorded before. */
export async function writeBatch(
  client: pg.PoolClient,
  writes: BatchWrites,
): Promise<DeadLetter[]> {
  const statement = new Statement();
  const letters = deadLettersWrite(
    statement,
    writes.consumer,
    writes.deadLetters,
  );
  const parts = [
    letters,
    removalsWrite(statement, writes.removals),
    awardsWrite(statement, writes.awards),
    eventsWrite(statement, writes.events),
    progressWrite(statement, writes.progress),
    checkpointWrite(statement, writes.consumer, writes.checkpoint),
  ];
  const { rows } = await client.query<{ event_id: string }>({
    name: "award-batch-writes",
    text: withParts(parts, `SELECT event_id FROM ${letters.name}`),
    values: statement.params,
  });
  return notRecordedBefore(writes.deadLetters, rows);
}
