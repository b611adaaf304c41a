/**
 * Follows the event store for one event type from a cursor on: the way to
 * read committed events live with resume, as the award feed does. Each
 * follower reads at its own pace; a commit signal wakes them early.
 */
import type { Logger } from "pino";
import type { EventType } from "../domain/events.js";
import type { EventStore } from "../store/event-store.js";
import type { Cursor } from "../store/stored-event.js";
import type { CommitSignal } from "./commit-signal.js";
import type { EventHandler, Subscription } from "./dispatcher.js";
import { startStoreSubscription } from "./store-subscription.js";

export class StoreFeed {
  private readonly followers = new Set<Subscription>();

  constructor(
    private readonly store: Pick<EventStore, "readForward" | "head">,
    private readonly signal: CommitSignal,
    private readonly logger: Logger,
  ) {}

  /** Delivers events after `after`; by default those committed from now on. */
  async follow<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
    after?: Cursor,
  ): Promise<Subscription> {
    const subscription = startStoreSubscription({
      type,
      handler,
      after: after ?? (await this.store.head()),
      store: this.store,
      signal: this.signal,
      logger: this.logger.child({ follower: type }),
    });
    this.followers.add(subscription);
    return {
      close: async () => {
        this.followers.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    const open = [...this.followers];
    this.followers.clear();
    await Promise.all(open.map((follower) => follower.close()));
  }
}
