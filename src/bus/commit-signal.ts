/**
 * A coalescing wake-up: any number of commits between two looks count as
 * one. Readers note the generation before they read, then wait for a newer
 * one, so a commit that lands while they read is never slept through.
 */
export class CommitSignal {
  private current = 0;
  private waiters = new Set<() => void>();

  get generation(): number {
    return this.current;
  }

  notify(): void {
    this.current += 1;
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) {
      wake();
    }
  }

  /** Resolves once a commit newer than `seen` is signalled, on timeout, or on abort. */
  waitAfter(
    seen: number,
    timeoutMs: number,
    abort?: AbortSignal,
  ): Promise<void> {
    if (this.current > seen || abort?.aborted) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        abort?.removeEventListener("abort", done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      abort?.addEventListener("abort", done, { once: true });
      this.waiters.add(done);
    });
  }
}
