import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/domain/catalog.js";
import { EventStore } from "../../src/store/event-store.js";
import { migrate } from "../../src/store/migrator.js";
import { delay } from "../../src/support/delay.js";
import { testConsumer } from "../support/test-consumer.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import {
  caughtUp,
  silentLogger,
  startTestService,
} from "../support/test-service.js";
import {
  type AwardState,
  awardState,
  submissions,
} from "../support/workload.js";

const workload = submissions(3000, 120);
const databases: TestDatabase[] = [];
let reference: AwardState;

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  await migrate(database.pool, silentLogger);
  const store = new EventStore(database.pool);
  for (let start = 0; start < workload.length; start += 500) {
    await store.append(workload.slice(start, start + 500));
  }
  return database;
}

async function runToEnd(database: TestDatabase): Promise<AwardState> {
  const service = await startTestService(database.url);
  try {
    await caughtUp(service);
  } finally {
    await service.stop();
  }
  return awardState(database.pool);
}

async function awardCount(database: TestDatabase): Promise<number> {
  const { rows } = await database.pool.query(
    "SELECT count(*)::int AS n FROM learner_badges",
  );
  return rows[0].n;
}

beforeAll(async () => {
  reference = await runToEnd(await freshDatabase());
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe("a consumer stopped mid-run", () => {
  it("makes every award once and records one BadgeAwarded event for each", () => {
    expect(reference.awards.length).toBeGreaterThan(100);
    expect(reference.awardEvents).toHaveLength(reference.awards.length);
  });

  it("ends in the same state as an uninterrupted run after an abort between batches", async () => {
    const database = await freshDatabase();
    const { consumer } = testConsumer(database.pool, defaultCatalog, {
      batchSize: 40,
    });
    const abort = new AbortController();
    const running = consumer.run(abort.signal);
    while ((await awardCount(database)) === 0) {
      await delay(5);
    }
    abort.abort();
    await running;

    const partial = await awardState(database.pool);
    expect(partial.awards.length).toBeLessThan(reference.awards.length);
    expect(partial.awardEvents).toHaveLength(partial.awards.length);
    expect(await runToEnd(database)).toEqual(reference);
  });

  describe("by SIGKILL", () => {
    let child: ChildProcess | undefined;

    afterEach(() => {
      child?.kill("SIGKILL");
    });

    function serve(url: string): ChildProcess {
      return spawn(process.execPath, ["dist/cli/main.js", "serve"], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          AWARD_BATCH_SIZE: "25",
          PORT: "0",
          LOG_LEVEL: "warn",
        },
        stdio: "ignore",
      });
    }

    it("ends in the same state as an uninterrupted run after a restart", async () => {
      const database = await freshDatabase();
      child = serve(database.url);
      while ((await awardCount(database)) < 20) {
        await delay(5);
      }
      child.kill("SIGKILL");
      await once(child, "exit");

      const partial = await awardState(database.pool);
      expect(partial.awards.length).toBeLessThan(reference.awards.length);
      expect(partial.awardEvents).toHaveLength(partial.awards.length);

      child = serve(database.url);
      while ((await awardCount(database)) < reference.awards.length) {
        await delay(20);
      }
      child.kill("SIGTERM");
      const [exitCode] = await once(child, "exit");
      expect(exitCode).toBe(0);
      expect(await awardState(database.pool)).toEqual(reference);
    });
  });
});
