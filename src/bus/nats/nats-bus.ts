/**
 * Everything the service runs on NATS, started and stopped together: the
 * connection, the streams, the ingest of published events, the relay of
 * committed ones, and the dispatcher that delivers them to subscribers.
 */
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import type pg from "pg";
import type { Logger } from "pino";
import type { GroupCommitAppender } from "../../ingest/group-commit.js";
import type { EventStore } from "../../store/event-store.js";
import type { CommitSignal } from "../commit-signal.js";
import type { Dispatcher } from "../dispatcher.js";
import { CommittedEventRelay } from "./committed-event-relay.js";
import { connectNats } from "./connection.js";
import { JetStreamDispatcher } from "./jetstream-dispatcher.js";
import { JetStreamIngest } from "./jetstream-ingest.js";
import { declareTopology, topologyFor } from "./topology.js";

export interface NatsBusParts {
  url: string;
  namespace: string;
  pool: pg.Pool;
  store: EventStore;
  ingest: GroupCommitAppender;
  signal: CommitSignal;
  logger: Logger;
  onIngested: (types: string[]) => void;
}

export interface NatsBus {
  dispatcher: Dispatcher;
  /** Stops taking messages; the service then drains its own ingest. */
  stopIngest(): Promise<void>;
  /** Stops relaying and delivering, and closes the connection. */
  close(): Promise<void>;
}

export async function startNatsBus(parts: NatsBusParts): Promise<NatsBus> {
  const logger = parts.logger.child({ bus: "nats" });
  const connection = await connectNats(parts.url, logger);
  const topology = topologyFor(parts.namespace);
  await declareTopology(await jetstreamManager(connection), topology, logger);
  const js = jetstream(connection);

  const ingest = new JetStreamIngest({
    js,
    pool: parts.pool,
    ingest: parts.ingest,
    topology,
    logger,
    onIngested: parts.onIngested,
  });
  await ingest.start();
  const relay = new CommittedEventRelay({
    pool: parts.pool,
    store: parts.store,
    js,
    topology,
    signal: parts.signal,
    logger,
  });
  const stopRelay = new AbortController();
  const relaying = relay.run(stopRelay.signal);
  const dispatcher = new JetStreamDispatcher(
    parts.signal,
    js,
    topology,
    logger,
  );

  return {
    dispatcher,
    stopIngest: () => ingest.stop(),
    close: async () => {
      stopRelay.abort();
      await relaying;
      await dispatcher.close();
      await connection.drain();
    },
  };
}
