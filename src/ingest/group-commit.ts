/**
 * Group commit for ingest: submissions that arrive while a commit is in
 * flight, or within a short window, share the next transaction. Each caller
 * still hears back only after the transaction holding its events committed,
 * but the store pays one disk flush per group instead of one per request.
 * Under a load of large submissions, a few full groups may be in flight
 * at once, and PostgreSQL flushes the WAL of concurrent commits together.
 */
import type { Envelope } from "../domain/events.js";
import type { EventStore } from "../store/event-store.js";
import type { AppendResult } from "../store/stored-event.js";

export interface GroupCommitOptions {
  /** Longest a submission waits for company before its group is written. */
  maxWaitMs?: number;
  /** Most events in one transaction. */
  maxEvents?: number;
  /** Most transactions in flight at once. */
  maxInFlight?: number;
}

interface Pending {
  envelopes: readonly Envelope[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

export class GroupCommitAppender {
  private readonly maxWaitMs: number;
  private readonly maxEvents: number;
  private readonly maxInFlight: number;
  private queue: Pending[] = [];
  private queuedEvents = 0;
  private cancelWait: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly store: Pick<EventStore, "append">,
    options: GroupCommitOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 2;
    this.maxEvents = options.maxEvents ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  /** Appends the events in one transaction shared with other callers. */
  append(envelopes: readonly Envelope[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ envelopes, resolve, reject });
      this.queuedEvents += envelopes.length;
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far is committed or failed. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      this.flushNow();
      await Promise.all(this.inFlight);
    }
  }

  private schedule(): void {
    if (this.inFlight.size === 0 && this.queuedEvents < this.maxEvents) {
      this.flushAfter(this.maxWaitMs);
    } else {
      this.flushNow();
    }
  }

  /**
   * Starts what may start now. A group short of `maxEvents` goes only when
   * no commit is in flight: small groups committing side by side cost more
   * CPU than they save in waiting; full groups go while there is room.
   */
  private flushNow(): void {
    this.cancelWait?.();
    this.cancelWait = undefined;
    while (
      this.queue.length > 0 &&
      this.inFlight.size < this.maxInFlight &&
      (this.inFlight.size === 0 || this.queuedEvents >= this.maxEvents)
    ) {
      this.startWrite(this.takeGroup());
    }
  }

  private flushAfter(waitMs: number): void {
    if (this.cancelWait) {
      return;
    }
    const flush = () => {
      this.cancelWait = undefined;
      this.flushNow();
    };
    // Even without a wait, the rest of this turn of the event loop is
    // awaited: requests read from the sockets together commit together.
    if (waitMs > 0) {
      const timer = setTimeout(flush, waitMs);
      this.cancelWait = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(flush);
      this.cancelWait = () => clearImmediate(immediate);
    }
  }

  private startWrite(group: Pending[]): void {
    const write: Promise<void> = this.writeGroup(group).then(() => {
      this.inFlight.delete(write);
      // What queued during the commit goes at once, back to back.
      this.flushNow();
    });
    this.inFlight.add(write);
  }

  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (
        !next ||
        (group.length > 0 && events + next.envelopes.length > this.maxEvents)
      ) {
        break;
      }
      group.push(next);
      events += next.envelopes.length;
      this.queue.shift();
    }
    this.queuedEvents -= events;
    return group;
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    try {
      const results = await this.store.append(
        group.flatMap((p) => p.envelopes),
      );
      let offset = 0;
      for (const pending of group) {
        const count = pending.envelopes.length;
        pending.resolve(results.slice(offset, offset + count));
        offset += count;
      }
    } catch (error) {
      for (const pending of group) {
        pending.reject(error);
      }
    }
  }
}
