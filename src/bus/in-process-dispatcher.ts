/**
 * The dispatcher of a single process: commit signals are in-memory calls
 * and each subscriber follows the store on its own, so none can hold up or
 * starve another.
 */
import type { EventType } from "../domain/events.js";
import type { CommitSignal } from "./commit-signal.js";
import type { Dispatcher, EventHandler, Subscription } from "./dispatcher.js";
import type { StoreFeed } from "./store-feed.js";

export class InProcessDispatcher implements Dispatcher {
  constructor(
    private readonly signal: CommitSignal,
    private readonly feed: StoreFeed,
  ) {}

  committed(): void {
    this.signal.notify();
  }

  get generation(): number {
    return this.signal.generation;
  }

  nextCommit(seen: number, timeoutMs: number, abort?: AbortSignal) {
    return this.signal.waitAfter(seen, timeoutMs, abort);
  }

  subscribe<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
  ): Promise<Subscription> {
    return this.feed.follow(type, handler);
  }

  async close(): Promise<void> {
    await this.feed.close();
  }
}
