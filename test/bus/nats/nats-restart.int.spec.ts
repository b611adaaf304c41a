import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BadgeService } from "../../../src/service.js";
import { delay } from "../../../src/support/delay.js";
import { expectedAwards } from "../../support/expected-awards.js";
import {
  type NatsClient,
  natsClient,
  publishPatiently,
  uniqueNamespace,
} from "../../support/nats.js";
import {
  type PrivateNatsServer,
  privateNatsServer,
} from "../../support/private-nats-server.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../../support/test-database.js";
import { caughtUp, startTestService } from "../../support/test-service.js";
import { submissions } from "../../support/workload.js";

const namespace = uniqueNamespace();
const workload = submissions(1000, 200, 11);
const expected = expectedAwards(workload);
let server: PrivateNatsServer;
let database: TestDatabase;
let service: BadgeService;
let nats: NatsClient;

beforeAll(async () => {
  server = await privateNatsServer();
  database = await createTestDatabase();
  service = await startTestService(database.url, {
    NATS_URL: server.url,
    NATS_NAMESPACE: namespace,
  });
  nats = await natsClient(namespace, server.url);
});

afterAll(async () => {
  await service?.stop();
  await nats?.connection.close();
  await server?.remove();
  await database?.drop();
});

describe("a NATS restart mid-run", () => {
  it("loses nothing: every event is awarded and every award is published after the reconnect", async () => {
    const [before, after] = [workload.slice(0, 500), workload.slice(500)];
    await Promise.all(before.map((e) => publishPatiently(nats, e)));

    await server.stop();
    await delay(1000);
    await server.start();
    await Promise.all(after.map((e) => publishPatiently(nats, e)));

    const deadline = Date.now() + 30_000;
    const awarded = async () =>
      (
        await database.pool.query(
          "SELECT count(*)::int AS n FROM learner_badges",
        )
      ).rows[0].n;
    while ((await awarded()) < expected.length && Date.now() < deadline) {
      await delay(100);
    }
    await caughtUp(service);
    expect(await awarded()).toBe(expected.length);

    while (
      (await nats.badgesPublished()) < expected.length &&
      Date.now() < deadline
    ) {
      await delay(100);
    }
    expect(await nats.badgesPublished()).toBe(expected.length);
  });
});
