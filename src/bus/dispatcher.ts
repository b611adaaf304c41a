/**
 * The dispatcher carries committed events to the parts that react to them.
 * The award logic sees only this interface, never the transport behind it.
 */
import type { EventType } from "../domain/events.js";
import type { StoredEvent } from "../store/stored-event.js";

export type EventHandler<T extends EventType> = (
  event: StoredEvent<T>,
) => Promise<void> | void;

export interface Subscription {
  /** Stops delivery once the handler in progress returns. */
  close(): Promise<void>;
}

export interface Dispatcher {
  /** Tells consumers and subscribers that new events are committed. */
  committed(): void;

  /** The generation of the last commit signal seen, for `nextCommit`. */
  readonly generation: number;

  /** Waits for a commit signal newer than `seen`, at most `timeoutMs`. */
  nextCommit(
    seen: number,
    timeoutMs: number,
    abort?: AbortSignal,
  ): Promise<void>;

  /** Delivers committed events of a type, from those committed next on. */
  subscribe<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
  ): Promise<Subscription>;

  close(): Promise<void>;
}
