/**
 * After the faults: the service that is left running must catch up on its
 * own, and then the guarantees are checked on what it wrote.
 */
import type pg from "pg";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { type ServiceChild, whileRunning } from "../service/child.js";
import type { Workload } from "../workload.js";
import { checkInvariants } from "./invariants.js";

export async function settleAndCheck(
  child: ServiceChild,
  pool: pg.Pool,
  workload: Workload,
  limitMs: number,
): Promise<string[]> {
  try {
    await whileRunning(child, waitUntilCaughtUp(pool, limitMs, 100));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`the service did not recover: ${reason}`];
  }
  return checkInvariants(pool, workload);
}
