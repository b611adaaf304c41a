/**
 * Offers work at a fixed rate, independent of how fast it completes: a
 * 1 ms tick hands out however many offers are due by the clock, so a late
 * tick catches up instead of lowering the rate.
 */

export interface PaceOptions {
  perSecond: number;
  durationMs: number;
  offer: (index: number) => void;
}

/** Resolves once every offer was made; returns how many. */
export function offerAtRate(options: PaceOptions): Promise<number> {
  const total = Math.round((options.perSecond * options.durationMs) / 1000);
  const started = performance.now();
  let offered = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      const due = Math.min(
        total,
        Math.floor((elapsed * options.perSecond) / 1000),
      );
      while (offered < due) {
        options.offer(offered);
        offered += 1;
      }
      if (offered >= total) {
        clearInterval(timer);
        resolve(offered);
      }
    };
    const timer = setInterval(tick, 1);
  });
}
