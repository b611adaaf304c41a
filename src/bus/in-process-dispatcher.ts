/**
 * The dispatcher of a single process: commit signals are in-memory calls
 * and each subscriber reads committed events from the store on its own.
 */
import type { Logger } from "pino";
import type { EventType } from "../domain/events.js";
import type { EventStore } from "../store/event-store.js";
import { CommitSignal } from "./commit-signal.js";
import type {
  Dispatcher,
  EventHandler,
  SubscribeOptions,
  Subscription,
} from "./dispatcher.js";
import { startStoreSubscription } from "./store-subscription.js";

export class InProcessDispatcher implements Dispatcher {
  private readonly signal = new CommitSignal();
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly store: Pick<EventStore, "readForward" | "head">,
    private readonly logger: Logger,
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

  async subscribe<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const after = options.after ?? (await this.store.head());
    const subscription = startStoreSubscription({
      type,
      handler,
      after,
      store: this.store,
      signal: this.signal,
      logger: this.logger.child({ subscriber: type }),
    });
    this.subscriptions.add(subscription);
    return {
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(open.map((subscription) => subscription.close()));
  }
}
