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
  const failure = await waitOrReport(
    child,
    waitUntilCaughtUp(pool, limitMs, 100),
    "the service did not recover",
  );
  return failure.length > 0 ? failure : checkInvariants(pool, workload);
}

/**
 * Waits for `work` while the service runs: a wait that fails, or a service
 * that exits meanwhile, is a violation, said after `what`.
 */
export async function waitOrReport(
  child: ServiceChild,
  work: Promise<unknown>,
  what: string,
): Promise<string[]> {
  try {
    await whileRunning(child, work);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`${what}: ${reason}`];
  }
}
