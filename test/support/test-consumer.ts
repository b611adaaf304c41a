/** An award consumer on a test database, as the service builds it. */
import type pg from "pg";
import {
  AwardConsumer,
  type AwardConsumerOptions,
} from "../../src/awards/award-consumer.js";
import { CommitSignal } from "../../src/bus/commit-signal.js";
import { InProcessDispatcher } from "../../src/bus/in-process-dispatcher.js";
import { StoreFeed } from "../../src/bus/store-feed.js";
import type { Catalog } from "../../src/domain/catalog.js";
import { EventStore } from "../../src/store/event-store.js";
import { silentLogger } from "./test-service.js";

export function testConsumer(
  pool: pg.Pool,
  catalog: Catalog,
  options: Partial<AwardConsumerOptions> = {},
): { consumer: AwardConsumer; store: EventStore } {
  const signal = new CommitSignal();
  const store = new EventStore(pool);
  const consumer = new AwardConsumer({
    pool,
    store,
    dispatcher: new InProcessDispatcher(
      signal,
      new StoreFeed(store, signal, silentLogger),
    ),
    catalog,
    logger: silentLogger,
    ...options,
  });
  return { consumer, store };
}
