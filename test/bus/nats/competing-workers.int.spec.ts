import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../src/store/migrator.js";
import { delay } from "../../../src/support/delay.js";
import { expectedAwards } from "../../support/expected-awards.js";
import {
  type NatsClient,
  natsClient,
  natsUrl,
  uniqueNamespace,
} from "../../support/nats.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../../support/test-database.js";
import { silentLogger } from "../../support/test-service.js";
import { submissions } from "../../support/workload.js";

const namespace = uniqueNamespace();
const workload = submissions(3000, 400, 7);
const expected = expectedAwards(workload);
const workers: ChildProcess[] = [];
let database: TestDatabase;
let nats: NatsClient;

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ["dist/cli/main.js", "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NATS_URL: natsUrl,
      NATS_NAMESPACE: namespace,
      AWARD_BATCH_SIZE: "50",
      PORT: "0",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  workers.push(worker);
  return worker;
}

async function awardRows(): Promise<string[]> {
  const { rows } = await database.pool.query<{ pair: string }>(
    "SELECT learner_id || ' ' || badge_id AS pair FROM learner_badges ORDER BY 1",
  );
  return rows.map((row) => row.pair);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.pool, silentLogger);
  nats = await natsClient(namespace);
});

afterAll(async () => {
  for (const worker of workers) {
    worker.kill("SIGKILL");
  }
  await nats?.close();
  await database?.drop();
});

describe("three workers on one database and one NATS server", () => {
  it("award every badge exactly once when one of them is killed mid-run", async () => {
    const [doomed] = [startWorker(), startWorker(), startWorker()];
    await nats.streamsDeclared();
    for (let start = 0; start < workload.length; start += 100) {
      await Promise.all(
        workload
          .slice(start, start + 100)
          .map((e) => nats.publish(e, undefined, e.id)),
      );
      if (start === 1000) {
        doomed?.kill("SIGKILL");
      }
    }
    if (doomed && doomed.exitCode === null && doomed.signalCode === null) {
      await once(doomed, "exit");
    }

    const deadline = Date.now() + 45_000;
    while (
      (await awardRows()).length < expected.length &&
      Date.now() < deadline
    ) {
      await delay(100);
    }

    expect(await awardRows()).toEqual(expected);
    const { rows } = await database.pool.query(
      `SELECT count(*)::int AS events,
              count(DISTINCT (payload->'payload'->>'learner_id', payload->'payload'->>'badge_id'))::int AS pairs
       FROM event_store WHERE event_name = 'BadgeAwarded'`,
    );
    expect(rows[0]).toEqual({
      events: expected.length,
      pairs: expected.length,
    });
    const { rows: stored } = await database.pool.query(
      "SELECT count(DISTINCT id)::int AS n FROM event_store WHERE event_name = 'QuizSubmitted'",
    );
    expect(stored[0].n).toBe(workload.length);

    while (
      (await nats.badgesPublished()) < expected.length &&
      Date.now() < deadline
    ) {
      await delay(100);
    }
    expect(await nats.badgesPublished()).toBe(expected.length);
  });
});
