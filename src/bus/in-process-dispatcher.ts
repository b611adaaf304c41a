/**
 * The dispatcher of a single process: commit signals are in-memory calls
 * and each subscriber follows the store on its own, so none can hold up or
 * starve another.
 */
import type { EventType } from "../domain/events.js";
import type { CommitSignal } from "./commit-signal.js";
import type { EventHandler, Subscription } from "./dispatcher.js";
import { SignalledDispatcher } from "./signalled-dispatcher.js";
import type { StoreFeed } from "./store-feed.js";

export class InProcessDispatcher extends SignalledDispatcher {
  constructor(
    signal: CommitSignal,
    private readonly feed: StoreFeed,
  ) {
    super(signal);
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
