import { describe, expect, it } from "vitest";
import type { DailyStreakRule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  lesson,
  replay,
  summary,
} from "../../support/histories.js";

const threeBerlinDays: DailyStreakRule = {
  kind: "dailyStreak",
  event: "LessonCompleted",
  days: 3,
  timeZone: "Europe/Berlin",
};

const catalog = [badge("three-days", threeBerlinDays)];

function lessonsAt(...times: string[]) {
  return replay(
    catalog,
    times.map((at) => lesson({ at })),
  );
}

describe("daily streak rule", () => {
  it("awards at the Nth consecutive day", () => {
    const { steps, progress } = lessonsAt(
      "2024-06-01T08:00:00Z",
      "2024-06-02T08:00:00Z",
      "2024-06-03T08:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
    expect(progress.get("three-days")?.held).toBe(true);
  });

  it("counts 22:30Z in summer as the next day in Berlin", () => {
    // 22:30Z is 00:30 the next day in Berlin (UTC+2): three local days, two UTC days.
    const { steps } = lessonsAt(
      "2024-06-01T10:00:00Z",
      "2024-06-01T22:30:00Z",
      "2024-06-02T22:30:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
  });

  it("counts 23:30Z in winter as the next day in Berlin", () => {
    const { steps } = lessonsAt(
      "2024-01-15T10:00:00Z",
      "2024-01-15T23:30:00Z",
      "2024-01-16T23:30:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
  });

  it("does not count three UTC days that are two Berlin days", () => {
    // 22:30Z and the next day's 21:30Z are both on the same Berlin day.
    const { steps } = lessonsAt(
      "2024-06-01T22:30:00Z",
      "2024-06-02T21:30:00Z",
      "2024-06-03T12:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], []]);
  });

  it("starts the Berlin day at 22:00Z in summer", () => {
    const { steps } = lessonsAt(
      "2024-06-01T21:59:00Z",
      "2024-06-01T22:00:00Z",
      "2024-06-02T22:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
  });

  it("does not award across a gap day", () => {
    const { steps } = lessonsAt(
      "2024-06-01T12:00:00Z",
      "2024-06-02T12:00:00Z",
      "2024-06-04T12:00:00Z",
      "2024-06-05T09:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], [], []]);
  });

  it("counts two events on one day once", () => {
    const { steps } = lessonsAt(
      "2024-06-01T06:00:00Z",
      "2024-06-01T18:00:00Z",
      "2024-06-02T12:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], []]);
  });

  it("awards when a late event fills the gap day", () => {
    const { steps } = lessonsAt(
      "2024-06-01T12:00:00Z",
      "2024-06-03T12:00:00Z",
      "2024-06-02T12:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
  });

  it("awards consecutive days that arrive in reverse order", () => {
    const { steps } = lessonsAt(
      "2024-06-03T12:00:00Z",
      "2024-06-02T12:00:00Z",
      "2024-06-01T12:00:00Z",
    );

    expect(summary(steps)).toEqual([[], [], ["award three-days"]]);
  });

  it("does not count days of other event types", () => {
    const { steps } = replay(catalog, [
      lesson({ at: "2024-06-01T12:00:00Z" }),
      accepted({ at: "2024-06-02T12:00:00Z" }),
      lesson({ at: "2024-06-03T12:00:00Z" }),
    ]);

    expect(summary(steps)).toEqual([[], [], []]);
  });

  it("does not award four evenings at 22:30Z that skip a Berlin day at the switch to summer time", () => {
    // 22:30Z is 23:30 in Berlin until 2024-03-31 and 00:30 the next day from
    // then on, so the local days are 29, 30 March and 1, 2 April.
    const { steps } = lessonsAt(
      "2024-03-29T22:30:00Z",
      "2024-03-30T22:30:00Z",
      "2024-03-31T22:30:00Z",
      "2024-04-01T22:30:00Z",
    );

    expect(summary(steps)).toEqual([[], [], [], []]);
  });
});
