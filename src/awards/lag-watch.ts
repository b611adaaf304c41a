/**
 * Warns, at most once a period, when the consumer works on events that were
 * recorded long ago: it is falling behind the writers.
 */
import type { Logger } from "pino";

const warnEveryMs = 30_000;

export class LagWatch {
  private lastWarning = 0;

  constructor(
    private readonly logger: Logger,
    private readonly thresholdSeconds: number,
  ) {}

  observe(recordedAt: Date, now = Date.now()): void {
    const lagSeconds = (now - recordedAt.getTime()) / 1000;
    if (lagSeconds <= this.thresholdSeconds) {
      return;
    }
    if (now - this.lastWarning < warnEveryMs) {
      return;
    }
    this.lastWarning = now;
    this.logger.warn(
      { lagSeconds },
      "award consumer is lagging behind the store",
    );
  }
}
