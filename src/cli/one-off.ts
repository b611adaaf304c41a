/**
 * What a one-off command needs: configuration, the catalog, logs on stderr
 * (stdout is for its answer) and a migrated database, closed afterwards.
 */
import type pg from "pg";
import type { Logger } from "pino";
import { type Config, loadConfig } from "../config.js";
import type { Catalog } from "../domain/catalog.js";
import { createLogger } from "../logger.js";
import { catalogOf } from "../service.js";
import { openDatabase } from "../store/database.js";
import { migrate } from "../store/migrator.js";

export interface OneOff {
  config: Config;
  catalog: Catalog;
  logger: Logger;
  pool: pg.Pool;
}

export async function withDatabase<T>(
  work: (parts: OneOff) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const catalog = await catalogOf(config);
  // Progress of a command is not news; its warnings and errors are.
  const logger = createLogger(
    config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL,
    2,
  );
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.pool, logger);
    return await work({ config, catalog, logger, pool: database.pool });
  } finally {
    await database.close();
  }
}
