/** `explain <learner> <badge>`: why the learner holds the badge, or how far along they are. */
import { explainHolding } from "../awards/explain.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { catalogOf } from "../service.js";
import { openDatabase } from "../store/database.js";
import { migrate } from "../store/migrator.js";

export async function runExplain(
  learnerId: string,
  badgeId: string,
): Promise<number> {
  const config = loadConfig();
  const catalog = await catalogOf(config);
  const logger = createLogger(
    config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL,
    2,
  );
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.pool, logger);
    const explanation = await explainHolding(
      database.pool,
      catalog,
      learnerId.toLowerCase(),
      badgeId.toLowerCase(),
    );
    process.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
