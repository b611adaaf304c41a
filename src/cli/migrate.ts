/** `migrate`: brings the database schema up to date and exits. */
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../store/database.js";
import { migrate } from "../store/migrator.js";

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  try {
    const applied = await migrate(database.pool, logger);
    logger.info(
      { applied },
      applied.length ? "schema migrated" : "schema up to date",
    );
    return 0;
  } finally {
    await database.close();
  }
}
