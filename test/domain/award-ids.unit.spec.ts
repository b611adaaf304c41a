import fc from "fast-check";
import { validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { badgeAwardedEventId } from "../../src/domain/award-ids.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";

describe("badgeAwardedEventId", () => {
  it("returns the same id for the same source event and badge", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (source, badge) => {
        expect(badgeAwardedEventId(source, badge)).toBe(
          badgeAwardedEventId(source, badge),
        );
      }),
    );
  });

  // Ids already in a store must be reproduced after an upgrade, or
  // reprocessing an old event would append a second BadgeAwarded.
  it("keeps the id it gave in earlier releases", () => {
    expect(
      badgeAwardedEventId("0f8fad5b-d9cb-469f-a165-70867728950e", quizMaster),
    ).toBe("867aab88-f22f-575f-bdb9-64746a6b1173");
  });

  it("returns different ids for the two badges of one source event", () => {
    fc.assert(
      fc.property(fc.uuid(), (source) => {
        expect(badgeAwardedEventId(source, quizMaster)).not.toBe(
          badgeAwardedEventId(source, perfectScore),
        );
      }),
    );
  });

  it("returns different ids for different source events", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.constantFrom(quizMaster, perfectScore),
        (first, second, badge) => {
          fc.pre(first !== second);

          expect(badgeAwardedEventId(first, badge)).not.toBe(
            badgeAwardedEventId(second, badge),
          );
        },
      ),
    );
  });

  it("returns a valid version 5 uuid", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (source, badge) => {
        const id = badgeAwardedEventId(source, badge);

        expect(validate(id)).toBe(true);
        expect(version(id)).toBe(5);
        expect(id).toBe(id.toLowerCase());
      }),
    );
  });
});
