/** Starts the real service on a test database, quiet, and waits on it. */
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { type BadgeService, startBadgeService } from "../../src/service.js";
import { eventsBehind } from "../../src/store/checkpoints.js";
import { delay } from "../../src/support/delay.js";

export const silentLogger = pino({ level: "silent" });

export function startTestService(
  url: string,
  env: Record<string, string> = {},
): Promise<BadgeService> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent", ...env });
  return startBadgeService(config, silentLogger);
}

/** Resolves once the award consumer has passed every stored event. */
export async function caughtUp(
  service: BadgeService,
  timeoutMs = 20_000,
): Promise<void> {
  const { pool } = service.database;
  const deadline = Date.now() + timeoutMs;
  while (
    (await eventsBehind(pool, service.consumer.name, ["BadgeAwarded"])) > 0
  ) {
    if (Date.now() > deadline) {
      throw new Error("award consumer did not catch up in time");
    }
    await delay(20);
  }
}
