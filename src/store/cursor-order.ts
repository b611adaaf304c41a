/** Orders cursors as readers meet them: by transaction, then by position. */
import type { Cursor } from "./stored-event.js";

export function compareCursors(a: Cursor, b: Cursor): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) {
    return byTransaction < 0n ? -1 : 1;
  }
  return a.position - b.position;
}
