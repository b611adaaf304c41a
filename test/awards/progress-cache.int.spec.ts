/**
 * The consumer keeps learners' progress in memory between batches; these
 * check that it reads it again from the database whenever someone else may
 * have changed it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load-catalog.js";
import type { Envelope } from "../../src/domain/events.js";
import { markCheckpointChanged } from "../../src/store/checkpoints.js";
import { migrate } from "../../src/store/migrator.js";
import type { Cursor } from "../../src/store/stored-event.js";
import { streamStart } from "../../src/store/stored-event.js";
import { inTransaction } from "../../src/store/transaction.js";
import { delay } from "../../src/support/delay.js";
import { answerAccepted } from "../support/events.js";
import { testConsumer } from "../support/test-consumer.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import { silentLogger } from "../support/test-service.js";

const helpfulPeer = "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a06";
const databases: TestDatabase[] = [];

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** A consumer on a fresh database, with the example catalog (Helpful Peer: 3 accepted answers). */
async function consumerOnFreshDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  await migrate(database.pool, silentLogger);
  const { consumer, store } = testConsumer(
    database.pool,
    await loadCatalog("catalog.example.yaml"),
  );
  let cursor: Cursor = streamStart;
  // Events become readable once every older transaction of the server has
  // ended, so a batch may find nothing yet.
  const processAgain = async () => {
    for (;;) {
      const outcome = await consumer.processBatch(cursor);
      cursor = outcome.cursor;
      if (outcome.read > 0) {
        return outcome.awarded.map((award) => award.event.payload.badgeId);
      }
      await delay(5);
    }
  };
  const submit = async (...events: Envelope[]) => {
    await store.append(events);
    return processAgain();
  };
  return { database, submit, processAgain };
}

describe("progress kept between batches", () => {
  it("counts on from memory across batches", async () => {
    const { submit } = await consumerOnFreshDatabase();
    const learner = randomUUID();

    expect(
      await submit(answerAccepted(learner), answerAccepted(learner)),
    ).toEqual([]);
    expect(await submit(answerAccepted(learner))).toEqual([helpfulPeer]);
  });

  it("is read again after someone else changed the stored progress and marked the checkpoint", async () => {
    const { database, submit } = await consumerOnFreshDatabase();
    const learner = randomUUID();
    await submit(answerAccepted(learner), answerAccepted(learner));

    // What a backfill does: replace the progress, then mark the checkpoint.
    await inTransaction(database.pool, async (client) => {
      await client.query("DELETE FROM learner_progress WHERE learner_id = $1", [
        learner,
      ]);
      await markCheckpointChanged(client, "badge-awards");
    });

    expect(await submit(answerAccepted(learner))).toEqual([]);
    expect(
      await submit(answerAccepted(learner), answerAccepted(learner)),
    ).toEqual([helpfulPeer]);
  });

  it("is read again after a batch that did not commit", async () => {
    const { database, submit, processAgain } = await consumerOnFreshDatabase();
    const learner = randomUUID();
    await submit(answerAccepted(learner), answerAccepted(learner));
    await database.pool.query(
      `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
       CREATE TRIGGER refuse_progress BEFORE INSERT ON learner_progress
       FOR EACH ROW EXECUTE FUNCTION refuse()`,
    );

    await expect(submit(answerAccepted(learner))).rejects.toThrow("refused");
    await database.pool.query(
      "DROP TRIGGER refuse_progress ON learner_progress",
    );

    // The failed batch had marked the badge held in memory: taken from
    // there, the award would never be made.
    expect(await processAgain()).toEqual([helpfulPeer]);
  });
});
