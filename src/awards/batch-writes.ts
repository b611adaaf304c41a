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
import { changedProgress, progressWrite } from "../store/learner-progress.js";
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

export interface BatchWritten {
  /** The dead letters not recorded before. */
  deadLettered: DeadLetter[];
  /** The version of the checkpoint row as this batch leaves it. */
  checkpointVersion: number;
}

export async function writeBatch(
  client: pg.PoolClient,
  writes: BatchWrites,
): Promise<BatchWritten> {
  const statement = new Statement();
  const letters = deadLettersWrite(
    statement,
    writes.consumer,
    writes.deadLetters,
  );
  const checkpoint = checkpointWrite(
    statement,
    writes.consumer,
    writes.checkpoint,
  );
  const parts = [
    letters,
    removalsWrite(statement, writes.removals),
    awardsWrite(statement, writes.awards),
    eventsWrite(statement, writes.events),
    progressWrite(statement, changedProgress(writes.progress)),
    checkpoint,
  ];
  const { rows } = await client.query<{
    dead_lettered: string[];
    checkpoint_version: string | null;
  }>({
    name: "award-batch-writes",
    text: withParts(
      parts,
      `SELECT array(SELECT event_id::text FROM ${letters.name}) AS dead_lettered,
         (SELECT version FROM ${checkpoint.name}) AS checkpoint_version`,
    ),
    values: statement.params,
  });
  const row = rows[0];
  if (row?.checkpoint_version == null) {
    throw new Error(`checkpoint of ${writes.consumer} vanished mid-batch`);
  }
  return {
    deadLettered: notRecordedBefore(
      writes.deadLetters,
      row.dead_lettered.map((eventId) => ({ event_id: eventId })),
    ),
    checkpointVersion: Number(row.checkpoint_version),
  };
}
