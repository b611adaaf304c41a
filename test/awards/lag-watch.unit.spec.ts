import type { Logger } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LagWatch } from "../../src/awards/lag-watch.js";

const thresholdSeconds = 5;
const start = Date.parse("2024-05-01T12:00:00.000Z");

function watchWithSpy(): { watch: LagWatch; warn: ReturnType<typeof vi.fn> } {
  const warn = vi.fn();
  const logger = { warn } as unknown as Logger;
  return { watch: new LagWatch(logger, thresholdSeconds), warn };
}

/** A record seen at `now` that was recorded `lagSeconds` earlier. */
function recordedBefore(now: number, lagSeconds: number): Date {
  return new Date(now - lagSeconds * 1000);
}

describe("LagWatch", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("warns with the lag when it exceeds the threshold", () => {
    const { watch, warn } = watchWithSpy();

    watch.observe(recordedBefore(start, 6), start);

    expect(warn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith(
      { lagSeconds: 6 },
      expect.stringContaining("lagging"),
    );
  });

  it("warns once within 30 s however many lagging records it sees", () => {
    const { watch, warn } = watchWithSpy();

    for (const offset of [0, 1_000, 15_000, 29_999]) {
      watch.observe(recordedBefore(start + offset, 60), start + offset);
    }

    expect(warn).toHaveBeenCalledOnce();
  });

  it("warns again 30 s after the last warning", () => {
    const { watch, warn } = watchWithSpy();

    watch.observe(recordedBefore(start, 10), start);
    watch.observe(recordedBefore(start + 30_000, 10), start + 30_000);

    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("counts the quiet period from the last warning, not the last observation", () => {
    const { watch, warn } = watchWithSpy();

    for (const offset of [0, 20_000, 40_000, 60_000]) {
      watch.observe(recordedBefore(start + offset, 10), start + offset);
    }

    expect(warn).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["no lag", 0],
    ["a lag under the threshold", 4.999],
    ["a lag equal to the threshold", 5],
    ["a record dated in the future", -120],
  ])("does not warn for %s", (_case, lagSeconds) => {
    const { watch, warn } = watchWithSpy();

    watch.observe(recordedBefore(start, lagSeconds), start);

    expect(warn).not.toHaveBeenCalled();
  });

  it("does not count an observation under the threshold as a warning", () => {
    const { watch, warn } = watchWithSpy();

    watch.observe(recordedBefore(start, 1), start);
    watch.observe(recordedBefore(start + 1_000, 9), start + 1_000);

    expect(warn).toHaveBeenCalledOnce();
  });

  it("reads the clock when no time is given", () => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
    const { watch, warn } = watchWithSpy();

    watch.observe(recordedBefore(start, 7));

    expect(warn).toHaveBeenCalledWith({ lagSeconds: 7 }, expect.any(String));
  });
});
