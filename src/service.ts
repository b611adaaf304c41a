/**
 * Puts the parts together: database, migrations, event store, dispatcher
 * and award consumer; and takes them apart again in the right order.
 */
import type { Logger } from "pino";
import { AwardConsumer } from "./awards/award-consumer.js";
import { CommitSignal } from "./bus/commit-signal.js";
import type { Dispatcher } from "./bus/dispatcher.js";
import { InProcessDispatcher } from "./bus/in-process-dispatcher.js";
import { startNatsBus } from "./bus/nats/nats-bus.js";
import { StoreFeed } from "./bus/store-feed.js";
import { loadCatalog } from "./catalog/load-catalog.js";
import type { Config } from "./config.js";
import { type Catalog, defaultCatalog } from "./domain/catalog.js";
import { GroupCommitAppender } from "./ingest/group-commit.js";
import { ServiceMetrics } from "./observability/metrics.js";
import { CommitAnnouncer, CommitListener } from "./store/commit-channel.js";
import { type Database, openDatabase } from "./store/database.js";
import { EventStore } from "./store/event-store.js";
import { migrate } from "./store/migrator.js";

export interface BadgeService {
  database: Database;
  store: EventStore;
  /** The ingest path: appends shared by concurrent callers (group commit). */
  ingest: GroupCommitAppender;
  /** Follows the store with resume, for feeds that must not miss an event. */
  feed: StoreFeed;
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
  const catalog = options.catalog ?? (await catalogOf(config));
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.pool, logger);
    return await startParts(database, config, logger, catalog);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The catalog file of the configuration, or the built-in badges. */
export async function catalogOf(config: Config): Promise<Catalog> {
  return config.CATALOG_FILE
    ? loadCatalog(config.CATALOG_FILE)
    : defaultCatalog;
}

async function startParts(
  database: Database,
  config: Config,
  logger: Logger,
  catalog: Catalog,
): Promise<BadgeService> {
  const signal = new CommitSignal();
  const announcer = new CommitAnnouncer(database.pool, logger);
  const store = new EventStore(database.pool, () => {
    signal.notify();
    announcer.announce();
  });
  const feed = new StoreFeed(store, signal, logger);
  const ingest = new GroupCommitAppender(store, {
    maxWaitMs: config.INGEST_MAX_WAIT_MS,
    maxInFlight: config.INGEST_COMMITS_IN_FLIGHT,
  });
  const metrics = new ServiceMetrics({
    pool: database.pool,
    consumerLag: () => consumer.lag(),
  });
  const listener = new CommitListener(
    database.url,
    () => signal.notify(),
    logger,
  );
  await listener.start();

  const bus = config.NATS_URL
    ? await startNatsBus({
        url: config.NATS_URL,
        namespace: config.NATS_NAMESPACE,
        pool: database.pool,
        store,
        ingest,
        signal,
        logger,
        onIngested: (types) => metrics.ingested(types),
      }).catch(async (error) => {
        await listener.close();
        throw error;
      })
    : undefined;
  const dispatcher = bus?.dispatcher ?? new InProcessDispatcher(signal, feed);

  const consumer = new AwardConsumer({
    pool: database.pool,
    store,
    dispatcher,
    catalog,
    logger,
    batchSize: config.AWARD_BATCH_SIZE,
    progressCacheLearners: config.AWARD_PROGRESS_CACHE_LEARNERS,
    lagWarningSeconds: config.CONSUMER_LAG_WARNING_SECONDS,
    onBatch: (outcome) => metrics.batchProcessed(outcome),
  });
  const stopConsumer = new AbortController();
  const consuming = consumer.run(stopConsumer.signal);

  const stop = async () => {
    await bus?.stopIngest();
    await ingest.drain();
    stopConsumer.abort();
    await consuming;
    await (bus ? bus.close() : dispatcher.close());
    await feed.close();
    await listener.close();
    await database.close();
  };
  return {
    database,
    store,
    ingest,
    feed,
    dispatcher,
    consumer,
    catalog,
    metrics,
    stop,
  };
}
