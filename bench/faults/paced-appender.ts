/**
 * Appends the workload in batches, through the event store or a publisher
 * to NATS, spread evenly over a planned time so that faults land while
 * events keep arriving. A failed append is retried with the same events:
 * both ways are idempotent by event id, so a batch that did land before its
 * reply was lost is kept once.
 */
import { delay } from "../../src/support/delay.js";
import type { Submission } from "../workload.js";

/** Where batches go; the event store is one. */
export interface BatchSink {
  append(batch: readonly Submission[]): Promise<unknown>;
}

export interface AppendOutcome {
  batches: number;
  retries: number;
}

const retryPauseMs = 200;
const giveUpAfterMs = 120_000;

export async function appendPaced(
  sink: BatchSink,
  batches: readonly Submission[][],
  durationMs: number,
): Promise<AppendOutcome> {
  const started = performance.now();
  const outcome: AppendOutcome = { batches: 0, retries: 0 };
  for (const batch of batches) {
    const dueAt = started + (outcome.batches * durationMs) / batches.length;
    await delay(Math.max(0, dueAt - performance.now()));
    outcome.retries += await appendUntilStored(sink, batch);
    outcome.batches += 1;
  }
  return outcome;
}

/** Returns how many attempts failed before the batch was stored. */
async function appendUntilStored(
  sink: BatchSink,
  batch: readonly Submission[],
): Promise<number> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let failed = 0; ; failed += 1) {
    try {
      await sink.append(batch);
      return failed;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await delay(retryPauseMs);
    }
  }
}
