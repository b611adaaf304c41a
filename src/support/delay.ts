/** A pause that ends early, without throwing, when the work is stopped. */
import { setTimeout as sleep } from "node:timers/promises";

export async function delay(ms: number, abort?: AbortSignal): Promise<void> {
  await sleep(ms, undefined, abort ? { signal: abort } : {}).catch(() => {});
}
