import { describe, expect, it } from "vitest";
import { ProgressCache } from "../../src/awards/progress-cache.js";
import type { LearnerProgress } from "../../src/domain/rule-engine/learner-progress.js";

/** Progress on one badge, told apart by its rule version. */
function progressAt(version: number): LearnerProgress {
  return new Map([
    [
      "badge",
      {
        version,
        state: {},
        held: false,
        revoked: false,
        dirty: true,
      },
    ],
  ]);
}

describe("progress cache", () => {
  it("gives back what a batch committed while the checkpoint keeps that version, marked unchanged", () => {
    const cache = new ProgressCache(10);
    cache.keep(7, new Map([["ana", progressAt(2)]]));

    const found = cache.lookup(7, ["ana", "ben"]);

    expect([...found.keys()]).toEqual(["ana"]);
    expect(found.get("ana")?.get("badge")).toMatchObject({
      version: 2,
      dirty: false,
    });
  });

  it("drops everything once the checkpoint has another version", () => {
    const cache = new ProgressCache(10);
    cache.keep(7, new Map([["ana", progressAt(2)]]));

    expect(cache.lookup(8, ["ana"]).size).toBe(0);
    expect(cache.lookup(7, ["ana"]).size).toBe(0);
  });

  it("holds nothing after a drop", () => {
    const cache = new ProgressCache(10);
    cache.keep(7, new Map([["ana", progressAt(2)]]));

    cache.drop();

    expect(cache.lookup(7, ["ana"]).size).toBe(0);
  });

  it("keeps at most its bound of learners, forgetting those seen longest ago", () => {
    const cache = new ProgressCache(2);
    cache.keep(1, new Map([["ana", progressAt(1)]]));
    cache.keep(2, new Map([["ben", progressAt(1)]]));
    cache.keep(3, new Map([["ana", progressAt(2)]]));
    cache.keep(4, new Map([["cy", progressAt(1)]]));

    expect([...cache.lookup(4, ["ana", "ben", "cy"]).keys()]).toEqual([
      "ana",
      "cy",
    ]);
  });
});
