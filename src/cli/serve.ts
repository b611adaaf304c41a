/**
 * `serve`: runs the service until SIGINT or SIGTERM, then stops within a
 * bounded time: the batch in hand is finished and checkpointed first.
 */

import { refuseOpenExposure } from "../api/listen.js";
import { startApi } from "../api/start.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { startBadgeService } from "../service.js";

const shutdownDeadlineMs = 30_000;

export async function runServe(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  refuseOpenExposure(config.API_TOKENS.length === 0, config.HOST);
  // Listening from the start: a signal during start-up stops right after it.
  const stopRequested = nextStopSignal();
  const service = await startBadgeService(config, logger);
  const api = await startApi(service, config, logger).catch(async (error) => {
    await service.stop();
    throw error;
  });
  logger.info(
    { database: service.database.embedded ? "embedded" : "DATABASE_URL" },
    "badge service running",
  );

  const signal = await stopRequested;
  logger.info({ signal }, "stopping");
  const deadline = setTimeout(() => {
    logger.error("shutdown deadline passed; exiting");
    process.exit(1);
  }, shutdownDeadlineMs);
  deadline.unref();

  await api.close();
  await service.stop();
  logger.info("stopped");
  logger.flush();
  return 0;
}

function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stopOn = (signal: NodeJS.Signals) => {
      process.removeListener("SIGINT", stopOn);
      process.removeListener("SIGTERM", stopOn);
      process.once("SIGINT", () => process.exit(130));
      process.once("SIGTERM", () => process.exit(143));
      resolve(signal);
    };
    process.on("SIGINT", stopOn);
    process.on("SIGTERM", stopOn);
  });
}
