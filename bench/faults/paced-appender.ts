/**
 * Appends the workload through the event store in batches, spread evenly
 * over a planned time so that faults land while events keep arriving. A
 * failed append is retried with the same events: appends are idempotent by
 * event id, so a batch that did commit before its reply was lost is kept once.
 */
import type { EventStore } from "../../src/store/event-store.js";
import { delay } from "../../src/support/delay.js";
import type { Submission } from "../workload.js";

export interface AppendOutcome {
  batches: number;
  retries: number;
}

const retryPauseMs = 200;
const giveUpAfterMs = 120_000;

export async function appendPaced(
  store: Pick<EventStore, "append">,
  batches: readonly Submission[][],
  durationMs: number,
): Promise<AppendOutcome> {
  const started = performance.now();
  const outcome: AppendOutcome = { batches: 0, retries: 0 };
  for (const batch of batches) {
    const dueAt = started + (outcome.batches * durationMs) / batches.length;
    await delay(Math.max(0, dueAt - performance.now()));
    outcome.retries += await appendUntilStored(store, batch);
    outcome.batches += 1;
  }
  return outcome;
}

/** Returns how many attempts failed before the batch was stored. */
async function appendUntilStored(
  store: Pick<EventStore, "append">,
  batch: readonly Submission[],
): Promise<number> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let failed = 0; ; failed += 1) {
    try {
      await store.append(batch);
      return failed;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await delay(retryPauseMs);
    }
  }
}
