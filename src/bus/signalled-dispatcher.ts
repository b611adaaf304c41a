/**
 * The commit signalling every dispatcher shares: consumers in this process
 * are woken in memory, whatever carries events between processes.
 */
import type { EventType } from "../domain/events.js";
import type { CommitSignal } from "./commit-signal.js";
import type { Dispatcher, EventHandler, Subscription } from "./dispatcher.js";

export abstract class SignalledDispatcher implements Dispatcher {
  constructor(protected readonly signal: CommitSignal) {}

  committed(): void {
    this.signal.notify();
  }

  get generation(): number {
    return this.signal.generation;
  }

  nextCommit(seen: number, timeoutMs: number, abort?: AbortSignal) {
    return this.signal.waitAfter(seen, timeoutMs, abort);
  }

  abstract subscribe<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
  ): Promise<Subscription>;

  abstract close(): Promise<void>;
}
