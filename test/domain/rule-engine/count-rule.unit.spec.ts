import { describe, expect, it } from "vitest";
import type { CountRule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  corrected,
  lesson,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const threeLessons: CountRule = {
  kind: "count",
  event: "LessonCompleted",
  atLeast: 3,
};

const twoGoodScores: CountRule = {
  kind: "count",
  event: "QuizSubmitted",
  where: [{ field: "score", operator: ">=", value: 80 }],
  atLeast: 2,
};

const threeLessonsInTwoDays: CountRule = {
  kind: "count",
  event: "LessonCompleted",
  atLeast: 3,
  withinDays: 2,
};

function lessonsAt(...times: string[]) {
  return times.map((at) => lesson({ at }));
}

describe("count rule", () => {
  it("does not award at N-1 qualifying events", () => {
    const { steps, progress } = replay(
      [badge("steady", threeLessons)],
      [lesson(), lesson()],
    );

    expect(summary(steps)).toEqual([[], []]);
    expect(progress.get("steady")?.held).toBe(false);
  });

  it("awards at exactly N qualifying events", () => {
    const { steps, progress } = replay(
      [badge("steady", threeLessons)],
      [lesson(), lesson(), lesson(), lesson()],
    );

    expect(summary(steps)).toEqual([[], [], ["award steady"], []]);
    expect(progress.get("steady")?.held).toBe(true);
  });

  it("does not count events of other types", () => {
    const { steps } = replay(
      [badge("steady", threeLessons)],
      [lesson(), accepted(), submitted(100), lesson()],
    );

    expect(summary(steps)).toEqual([[], [], [], []]);
  });

  describe("with where conditions", () => {
    it("awards once N events meet the conditions", () => {
      const { steps } = replay(
        [badge("good", twoGoodScores)],
        [submitted(90), submitted(79.99), submitted(80)],
      );

      expect(summary(steps)).toEqual([[], [], ["award good"]]);
    });

    it("does not count events that miss the conditions", () => {
      const { steps } = replay(
        [badge("good", twoGoodScores)],
        [submitted(90), submitted(70), submitted(79.99)],
      );

      expect(summary(steps)).toEqual([[], [], []]);
    });

    it("applies every condition of the list", () => {
      const band: CountRule = {
        kind: "count",
        event: "QuizSubmitted",
        where: [
          { field: "score", operator: ">", value: 50 },
          { field: "score", operator: "<", value: 60 },
        ],
        atLeast: 2,
      };

      const { steps } = replay(
        [badge("middling", band)],
        [submitted(50), submitted(60), submitted(55), submitted(59.5)],
      );

      expect(summary(steps)).toEqual([[], [], [], ["award middling"]]);
    });
  });

  describe("within days", () => {
    it("awards N events that fall inside the window", () => {
      const { steps } = replay(
        [badge("sprint", threeLessonsInTwoDays)],
        lessonsAt(
          "2024-06-01T09:00:00Z",
          "2024-06-02T09:00:00Z",
          "2024-06-03T08:59:00Z",
        ),
      );

      expect(summary(steps)).toEqual([[], [], ["award sprint"]]);
    });

    it("does not award the same N events spread wider than the window", () => {
      const { steps } = replay(
        [badge("sprint", threeLessonsInTwoDays)],
        lessonsAt(
          "2024-06-01T09:00:00Z",
          "2024-06-02T09:00:00Z",
          "2024-06-03T09:01:00Z",
        ),
      );

      expect(summary(steps)).toEqual([[], [], []]);
    });

    it("awards when a later window holds N events though earlier ones did not", () => {
      const { steps } = replay(
        [badge("sprint", threeLessonsInTwoDays)],
        lessonsAt(
          "2024-06-01T09:00:00Z",
          "2024-06-05T09:00:00Z",
          "2024-06-06T09:00:00Z",
          "2024-06-07T08:00:00Z",
        ),
      );

      expect(summary(steps)).toEqual([[], [], [], ["award sprint"]]);
    });

    it("counts a late event that falls inside a window with earlier-stored ones", () => {
      const { steps } = replay(
        [badge("sprint", threeLessonsInTwoDays)],
        lessonsAt(
          "2024-06-10T12:00:00Z",
          "2024-06-20T12:00:00Z",
          "2024-06-11T12:00:00Z",
          "2024-06-09T13:00:00Z",
        ),
      );

      expect(summary(steps)).toEqual([[], [], [], ["award sprint"]]);
    });

    it("counts a submission raised into qualifying from the time of its correction", () => {
      const sameDay: CountRule = { ...twoGoodScores, withinDays: 1 };
      const first = submitted(70, { at: "2024-06-01T10:00:00Z" });
      const history = [
        first,
        submitted(90, { at: "2024-06-01T11:00:00Z" }),
        corrected(first, 85, { at: "2024-06-09T10:00:00Z" }),
        submitted(95, { at: "2024-06-09T12:00:00Z" }),
      ];

      const { steps } = replay([badge("good-day", sameDay)], history);

      expect(summary(steps)).toEqual([[], [], [], ["award good-day"]]);
    });
  });
});
