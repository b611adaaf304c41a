/**
 * Waits until the NATS relay has published every follow-up event the store
 * holds: only then can the badges stream be compared with the store.
 */
import type pg from "pg";
import { eventTypes, followUpTypes } from "../../src/domain/events.js";
import { consumerLag } from "../../src/store/checkpoints.js";
import { pollUntil } from "../support/poll.js";

/** The relay's checkpoint row, as CommittedEventRelay names it. */
export const relayName = "nats-relay";

const notRelayed = eventTypes.filter(
  (type) => !(followUpTypes as readonly string[]).includes(type),
);

export function relayBehind(db: pg.Pool): Promise<number> {
  return consumerLag(db, relayName, notRelayed).then((lag) => lag.events);
}

export function waitUntilRelayCaughtUp(
  db: pg.Pool,
  timeoutMs: number,
): Promise<void> {
  return pollUntil(
    async () => (await relayBehind(db)) === 0,
    timeoutMs,
    async () => `the relay was ${await relayBehind(db)} events behind`,
  );
}
