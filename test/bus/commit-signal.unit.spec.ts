import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CommitSignal } from "../../src/bus/commit-signal.js";

/** Tracks whether a promise has settled without awaiting it. */
function watch(promise: Promise<void>): { settled: () => boolean } {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  return { settled: () => settled };
}

async function flushMicrotasks(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe("CommitSignal", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts at generation 0 and counts each notify", () => {
    const signal = new CommitSignal();

    signal.notify();
    signal.notify();

    expect(signal.generation).toBe(2);
  });

  it("resolves at once when a newer generation already exists", async () => {
    const signal = new CommitSignal();
    signal.notify();

    const wait = watch(signal.waitAfter(0, 60_000));
    await flushMicrotasks();

    expect(wait.settled()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps waiting while no newer generation is signalled", async () => {
    const signal = new CommitSignal();

    const wait = watch(signal.waitAfter(signal.generation, 1_000));
    await vi.advanceTimersByTimeAsync(999);

    expect(wait.settled()).toBe(false);
  });

  it("resolves on notify and leaves no timer behind", async () => {
    const signal = new CommitSignal();
    const wait = watch(signal.waitAfter(signal.generation, 60_000));

    signal.notify();
    await flushMicrotasks();

    expect(wait.settled()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("wakes every waiter with one notify", async () => {
    const signal = new CommitSignal();
    const seen = signal.generation;
    const waits = [1, 2, 3].map(() => watch(signal.waitAfter(seen, 60_000)));

    signal.notify();
    await flushMicrotasks();

    expect(waits.map((w) => w.settled())).toEqual([true, true, true]);
  });

  it("resolves when the timeout passes", async () => {
    const signal = new CommitSignal();
    const wait = watch(signal.waitAfter(signal.generation, 1_000));

    await vi.advanceTimersByTimeAsync(1_000);

    expect(wait.settled()).toBe(true);
    expect(signal.generation).toBe(0);
  });

  it("resolves on abort and leaves no timer behind", async () => {
    const signal = new CommitSignal();
    const controller = new AbortController();
    const wait = watch(
      signal.waitAfter(signal.generation, 60_000, controller.signal),
    );

    controller.abort();
    await flushMicrotasks();

    expect(wait.settled()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("resolves at once when the abort signal has already fired", async () => {
    const signal = new CommitSignal();
    const wait = watch(
      signal.waitAfter(signal.generation, 60_000, AbortSignal.abort()),
    );

    await flushMicrotasks();

    expect(wait.settled()).toBe(true);
  });

  it("does not sleep through a notify between reading generation and waiting", async () => {
    const signal = new CommitSignal();
    const seen = signal.generation;

    signal.notify();
    const wait = watch(signal.waitAfter(seen, 60_000));
    await flushMicrotasks();

    expect(wait.settled()).toBe(true);
  });

  it("waits again after a wake-up once the reader notes the new generation", async () => {
    const signal = new CommitSignal();
    signal.notify();

    const wait = watch(signal.waitAfter(signal.generation, 1_000));
    await vi.advanceTimersByTimeAsync(500);

    expect(wait.settled()).toBe(false);
  });
});
