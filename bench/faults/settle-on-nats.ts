/**
 * After a run fed through NATS, the waits come in an order: the service
 * must have taken every published message before the award consumer's
 * catching up means anything, and the relay must have caught up before
 * the badges stream can be compared with the store.
 */
import type pg from "pg";
import { waitUntilRelayCaughtUp } from "../db/relay-caught-up.js";
import type { ServiceChild } from "../service/child.js";
import { waitUntilIngested } from "../service/jetstream-client.js";
import type { RunNamespace } from "../service/nats-namespace.js";
import type { Workload } from "../workload.js";
import { checkBadgesStream, checkPublishedStored } from "./nats-invariants.js";
import { settleAndCheck, waitOrReport } from "./settle.js";

export interface NatsSettling {
  child: ServiceChild;
  pool: pg.Pool;
  nats: RunNamespace;
  workload: Workload;
  /** Ids of the events JetStream acknowledged to the publisher. */
  acked: ReadonlySet<string>;
}

const consumerLimitMs = 120_000;
const relayLimitMs = 60_000;

export async function settleOnNats(run: NatsSettling): Promise<string[]> {
  const { child, pool } = run;
  const taken = await waitOrReport(
    child,
    waitUntilIngested(run.nats, 60_000 + run.workload.events),
    "the service did not take what NATS acknowledged",
  );
  if (taken.length > 0) {
    return taken;
  }
  const violations = [
    ...(await settleAndCheck(child, pool, run.workload, consumerLimitMs)),
    ...(await checkPublishedStored(pool, run.acked)),
  ];
  const relayed = await waitOrReport(
    child,
    waitUntilRelayCaughtUp(pool, relayLimitMs),
    "the relay did not catch up",
  );
  if (relayed.length > 0) {
    return [...violations, ...relayed];
  }
  return [...violations, ...(await checkBadgesStream(pool, run.nats))];
}
