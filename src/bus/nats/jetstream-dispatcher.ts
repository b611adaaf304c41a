/**
 * The dispatcher of a service that runs as several processes: subscribers
 * receive the events this service's relays published on JetStream, from
 * whichever process committed them. Commit signals for the local consumers
 * stay in memory; other processes are woken through the database.
 */
import {
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
} from "@nats-io/jetstream";
import type { Logger } from "pino";
import { decodeEnvelope } from "../../domain/envelope-codec.js";
import { type EventType, followUpTypes } from "../../domain/events.js";
import type { StoredEvent } from "../../store/stored-event.js";
import type { CommitSignal } from "../commit-signal.js";
import type { EventHandler, Subscription } from "../dispatcher.js";
import { SignalledDispatcher } from "../signalled-dispatcher.js";
import { storedPlaceOf } from "./envelope-message.js";
import type { Topology } from "./topology.js";

/** Event types the relay publishes; only these can be subscribed here. */
export const relayedTypes: readonly EventType[] = followUpTypes;

export class JetStreamDispatcher extends SignalledDispatcher {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    signal: CommitSignal,
    private readonly js: JetStreamClient,
    private readonly topology: Topology,
    private readonly logger: Logger,
  ) {
    super(signal);
  }

  async subscribe<T extends EventType>(
    type: T,
    handler: EventHandler<T>,
  ): Promise<Subscription> {
    if (!relayedTypes.includes(type)) {
      throw new Error(
        `${type} is not published on JetStream; subscribe to ${relayedTypes.join(", ")}`,
      );
    }
    const consumer = await this.js.consumers.get(this.topology.badgesStream, {
      filter_subjects: this.topology.badgesSubject(type),
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    const delivering = this.deliver(messages, handler);
    const subscription = {
      close: async () => {
        this.subscriptions.delete(subscription);
        await messages.close();
        await delivering;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  private async deliver<T extends EventType>(
    messages: ConsumerMessages,
    handler: EventHandler<T>,
  ): Promise<void> {
    for await (const message of messages) {
      try {
        const envelope = decodeEnvelope(message.json());
        await handler({
          ...storedPlaceOf(message.headers),
          envelope,
        } as StoredEvent<T>);
      } catch (error) {
        this.logger.error(
          { err: error, subject: message.subject, seq: message.seq },
          "subscriber failed on an event; delivery goes on",
        );
      }
    }
  }
}
