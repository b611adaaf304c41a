/** The real service, started in this process on a database, quiet. */
import { loadConfig } from "../../src/config.js";
import { type BadgeService, startBadgeService } from "../../src/service.js";
import { silentLogger } from "../support/silent-logger.js";

export function startInProcessService(url: string): Promise<BadgeService> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" });
  return startBadgeService(config, silentLogger);
}
