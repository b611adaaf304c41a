import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Envelope } from "../../src/domain/events.js";
import { GroupCommitAppender } from "../../src/ingest/group-commit.js";
import type { AppendResult } from "../../src/store/stored-event.js";
import { quizSubmitted } from "../support/events.js";

/** A store that records each transaction and numbers the events it holds. */
class RecordingStore {
  readonly transactions: string[][] = [];
  private next = 1;
  private running = 0;
  mostAtOnce = 0;
  failNext = false;

  async append(envelopes: readonly Envelope[]): Promise<AppendResult[]> {
    this.running += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.running -= 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error("database unavailable");
    }
    this.transactions.push(envelopes.map((e) => e.id));
    return envelopes.map((e) => ({
      id: e.id,
      position: this.next++,
      duplicate: false,
    }));
  }
}

describe("group commit", () => {
  it("commits concurrent submissions in shared transactions, each caller getting its own results", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, { maxWaitMs: 2 });
    const submissions = Array.from({ length: 50 }, () => [
      quizSubmitted(randomUUID(), 50),
    ]);

    const answers = await Promise.all(
      submissions.map((s) => appender.append(s)),
    );

    expect(store.transactions.length).toBeLessThan(10);
    answers.forEach((answer, index) => {
      expect(answer.map((r) => r.id)).toEqual(
        submissions[index]?.map((e) => e.id),
      );
    });
    expect(new Set(answers.flat().map((r) => r.position)).size).toBe(50);
  });

  it("without a wait, commits the submissions of one turn of the event loop together", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, { maxWaitMs: 0 });

    await Promise.all(
      Array.from({ length: 20 }, () =>
        appender.append([quizSubmitted(randomUUID(), 50)]),
      ),
    );

    expect(store.transactions.map((t) => t.length)).toEqual([20]);
  });

  it("keeps a caller's events together and in order", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store);
    const batch = Array.from({ length: 5 }, () =>
      quizSubmitted(randomUUID(), 1),
    );

    const [answer] = await Promise.all([
      appender.append(batch),
      appender.append([quizSubmitted(randomUUID(), 2)]),
    ]);

    expect(answer.map((r) => r.id)).toEqual(batch.map((e) => e.id));
    const positions = answer.map((r) => r.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("never puts more than maxEvents in one transaction unless one caller sends more", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, { maxEvents: 10 });
    const small = Array.from({ length: 25 }, () =>
      appender.append([quizSubmitted(randomUUID(), 1)]),
    );
    const large = appender.append(
      Array.from({ length: 15 }, () => quizSubmitted(randomUUID(), 1)),
    );

    await Promise.all([...small, large]);

    const sizes = store.transactions.map((t) => t.length);
    expect(sizes.filter((size) => size > 10)).toEqual([15]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("commits full groups side by side, a group short of maxEvents only when none is in flight", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, {
      maxEvents: 10,
      maxInFlight: 3,
    });

    await Promise.all(
      Array.from({ length: 35 }, () =>
        appender.append([quizSubmitted(randomUUID(), 1)]),
      ),
    );

    expect(store.mostAtOnce).toBe(3);
    expect(store.transactions.map((t) => t.length)).toEqual([10, 10, 10, 5]);
  });

  it("keeps small submissions to one commit at a time", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, {
      maxWaitMs: 0,
      maxInFlight: 4,
    });
    const first = appender.append([quizSubmitted(randomUUID(), 1)]);
    await new Promise((resolve) => setImmediate(resolve));

    await Promise.all([
      first,
      ...Array.from({ length: 5 }, () =>
        appender.append([quizSubmitted(randomUUID(), 1)]),
      ),
    ]);

    expect(store.mostAtOnce).toBe(1);
    expect(store.transactions.map((t) => t.length)).toEqual([1, 5]);
  });

  it("fails every caller of a failed transaction and goes on with the next", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store);
    store.failNext = true;

    const failed = await Promise.allSettled([
      appender.append([quizSubmitted(randomUUID(), 1)]),
      appender.append([quizSubmitted(randomUUID(), 1)]),
    ]);
    const later = await appender.append([quizSubmitted(randomUUID(), 1)]);

    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(later).toHaveLength(1);
  });

  it("drains: resolves once everything submitted is committed", async () => {
    const store = new RecordingStore();
    const appender = new GroupCommitAppender(store, { maxWaitMs: 50 });
    const pending = appender.append([quizSubmitted(randomUUID(), 1)]);

    await appender.drain();

    expect(store.transactions).toHaveLength(1);
    await expect(pending).resolves.toHaveLength(1);
  });
});
