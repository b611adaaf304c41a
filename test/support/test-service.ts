/** Starts the real service on a test database, quiet, and waits on it. */
import { pino } from "pino";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type BadgeService, startBadgeService } from "../../src/service.js";
import { delay } from "../../src/support/delay.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

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
  const deadline = Date.now() + timeoutMs;
  while ((await service.consumer.lag()).events > 0) {
    if (Date.now() > deadline) {
      throw new Error("award consumer did not catch up in time");
    }
    await delay(20);
  }
}

export interface ServiceUnderTest {
  readonly database: TestDatabase;
  readonly service: BadgeService;
}

/** A database and a running service for the whole test file. */
export function useTestService(): ServiceUnderTest {
  let database: TestDatabase | undefined;
  let service: BadgeService | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startTestService(database.url);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  return {
    get database() {
      return defined(database);
    },
    get service() {
      return defined(service);
    },
  };
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error("used before beforeAll ran");
  }
  return value;
}
