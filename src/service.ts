/**
 * Puts the parts together: database, migrations, event store, dispatcher
 * and award consumer; and takes them apart again in the right order.
 */
import type { Logger } from "pino";
import { AwardConsumer } from "./awards/award-consumer.js";
import type { Dispatcher } from "./bus/dispatcher.js";
import { InProcessDispatcher } from "./bus/in-process-dispatcher.js";
import type { Config } from "./config.js";
import { type Catalog, defaultCatalog } from "./domain/catalog.js";
import { CommitAnnouncer, CommitListener } from "./store/commit-channel.js";
import { GroupCommitAppender } from "./ingest/group-commit.js";
import { ServiceMetrics } from "./observability/metrics.js";
import { type Database, openDatabase } from "./store/database.js";
import { EventStore } from "./store/event-store.js";
import { migrate } from "./store/migrator.js";

export interface BadgeService {
  database: Database;
  store: EventStore;
  /** The ingest path: appends shared by concurrent callers (group commit). */
  ingest: GroupCommitAppender;
  dispatcher: Dispatcher;
  consumer: AwardConsumer;
  catalog: Catalog;
  metrics: ServiceMetrics;
  /** Finishes the batch in hand, checkpoints, and closes the database. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  catalog?: Catalog;
}

export async function startBadgeService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<BadgeService> {
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.pool, logger);
    return await startParts(database, config, logger, options);
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function startParts(
  database: Database,
  config: Config,
  logger: Logger,
  options: ServiceOptions,
): Promise<BadgeService> {
  const announcer = new CommitAnnouncer(database.pool, logger);
  const store = new EventStore(database.pool, () => {
    dispatcher.committed();
    announcer.announce();
  });
  const dispatcher = new InProcessDispatcher(store, logger);
  const listener = new CommitListener(
    database.url,
    () => dispatcher.committed(),
    logger,
  );
  await listener.start();

  const ingest = new GroupCommitAppender(store, {
    maxWaitMs: config.INGEST_MAX_WAIT_MS,
  });
  const catalog = options.catalog ?? defaultCatalog;
  const metrics = new ServiceMetrics({
    pool: database.pool,
    consumerLag: () => consumer.lag(),
  });
  const consumer = new AwardConsumer({
    pool: database.pool,
    store,
    dispatcher,
    catalog,
    logger,
    batchSize: config.AWARD_BATCH_SIZE,
    lagWarningSeconds: config.CONSUMER_LAG_WARNING_SECONDS,
    onBatch: (outcome) => metrics.batchProcessed(outcome),
  });
  const stopConsumer = new AbortController();
  const consuming = consumer.run(stopConsumer.signal);

  const stop = async () => {
    await ingest.drain();
    stopConsumer.abort();
    await consuming;
    await dispatcher.close();
    await listener.close();
    await database.close();
  };
  return {
    database,
    store,
    ingest,
    dispatcher,
    consumer,
    catalog,
    metrics,
    stop,
  };
}
