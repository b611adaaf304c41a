/**
 * Waiting on another process by looking again and again: the harness sees
 * the service only through what it stored, so it polls, and says what was
 * still missing when time ran out rather than only that it did.
 */
import { delay } from "../../src/support/delay.js";

export async function pollUntil(
  done: () => Promise<boolean>,
  limitMs: number,
  stillMissing: () => Promise<string>,
  pollMs = 100,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await done().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(
        `${await stillMissing().catch(String)} after ${limitMs / 1000} s`,
      );
    }
    await delay(pollMs);
  }
}
