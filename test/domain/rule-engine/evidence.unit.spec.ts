import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  awardsOf,
  badge,
  corrected,
  lesson,
  replay,
  submitted,
} from "../../support/histories.js";

const firstLesson: Rule = { kind: "first", event: "LessonCompleted" };
const firstAnswer: Rule = { kind: "first", event: "AnswerAccepted" };

function awardEvidence(rule: Rule, history: Parameters<typeof replay>[1]) {
  const awards = awardsOf(replay([badge("b", rule)], history).steps);
  expect(awards).toHaveLength(1);
  return awards[0]?.evidence;
}

describe("award evidence", () => {
  it("names the qualifying submission and its score for a score rule", () => {
    const low = submitted(70);
    const high = submitted(92);

    const evidence = awardEvidence(
      { kind: "score", operator: ">=", value: 80 },
      [low, high],
    );

    expect(evidence).toEqual([{ eventId: high.id, value: 92 }]);
  });

  it("names the corrected submission with its corrected score", () => {
    const low = submitted(70);

    const evidence = awardEvidence(
      { kind: "score", operator: ">=", value: 80 },
      [low, corrected(low, 88)],
    );

    expect(evidence).toEqual([{ eventId: low.id, value: 88 }]);
  });

  it("names the first N qualifying events of a count rule in order", () => {
    const history = [
      submitted(90),
      submitted(40),
      submitted(81),
      accepted(),
      submitted(100),
    ];

    const evidence = awardEvidence(
      {
        kind: "count",
        event: "QuizSubmitted",
        where: [{ field: "score", operator: ">=", value: 80 }],
        atLeast: 3,
      },
      history,
    );

    expect(evidence).toEqual([
      { eventId: history[0]?.id, value: 90 },
      { eventId: history[2]?.id, value: 81 },
      { eventId: history[4]?.id, value: 100 },
    ]);
  });

  it("names the events of a count rule without values when the event has no score", () => {
    const history = [lesson(), lesson()];

    const evidence = awardEvidence(
      { kind: "count", event: "LessonCompleted", atLeast: 2 },
      history,
    );

    expect(evidence).toEqual(history.map((event) => ({ eventId: event.id })));
  });

  it("names only the first N qualifying events of a count rule that holds inside allOf", () => {
    const lessons = [lesson(), lesson(), lesson()];
    const answer = accepted();

    const evidence = awardEvidence(
      {
        kind: "allOf",
        rules: [
          { kind: "count", event: "LessonCompleted", atLeast: 2 },
          firstAnswer,
        ],
      },
      [...lessons, answer],
    );

    expect(evidence).toEqual([
      { eventId: lessons[0]?.id },
      { eventId: lessons[1]?.id },
      { eventId: answer.id },
    ]);
  });

  it("names only the events inside the window of a count rule with withinDays", () => {
    const early = lesson({ at: "2024-06-01T09:00:00Z" });
    const inWindow = [
      lesson({ at: "2024-06-10T09:00:00Z" }),
      lesson({ at: "2024-06-10T18:00:00Z" }),
    ];

    const evidence = awardEvidence(
      { kind: "count", event: "LessonCompleted", atLeast: 2, withinDays: 1 },
      [early, ...inWindow],
    );

    expect(evidence).toEqual(inWindow.map((event) => ({ eventId: event.id })));
  });

  it("names the first qualifying event of a first rule", () => {
    const history = [submitted(30), submitted(75)];

    const evidence = awardEvidence(
      {
        kind: "first",
        event: "QuizSubmitted",
        where: [{ field: "score", operator: ">=", value: 50 }],
      },
      history,
    );

    expect(evidence).toEqual([{ eventId: history[1]?.id, value: 75 }]);
  });

  it("names the events of the run that reached a streak", () => {
    const history = [
      submitted(90),
      submitted(10),
      submitted(90),
      lesson(),
      submitted(95),
    ];

    const evidence = awardEvidence(
      {
        kind: "streak",
        event: "QuizSubmitted",
        where: [{ field: "score", operator: ">=", value: 70 }],
        length: 2,
      },
      history,
    );

    expect(evidence).toEqual([
      { eventId: history[2]?.id },
      { eventId: history[4]?.id },
    ]);
  });

  it("names the first event of each local day of a daily streak, with the day", () => {
    const history = [
      lesson({ at: "2024-06-02T08:00:00Z" }),
      lesson({ at: "2024-06-01T22:30:00Z" }),
      lesson({ at: "2024-06-01T10:00:00Z" }),
    ];

    const evidence = awardEvidence(
      {
        kind: "dailyStreak",
        event: "LessonCompleted",
        days: 2,
        timeZone: "Europe/Berlin",
      },
      history,
    );

    expect(evidence).toEqual([
      { eventId: history[2]?.id, value: "2024-06-01" },
      { eventId: history[0]?.id, value: "2024-06-02" },
    ]);
  });

  it("names the evidence of every rule of an allOf, and none for not", () => {
    const first = lesson();
    const high = submitted(97);

    const evidence = awardEvidence(
      {
        kind: "allOf",
        rules: [
          firstLesson,
          { kind: "score", operator: ">=", value: 95 },
          { kind: "not", rule: firstAnswer },
        ],
      },
      [first, high],
    );

    expect(evidence).toEqual([
      { eventId: first.id },
      { eventId: high.id, value: 97 },
    ]);
  });

  it("names only the rules of an anyOf that hold", () => {
    const high = submitted(97);

    const evidence = awardEvidence(
      {
        kind: "anyOf",
        rules: [firstAnswer, { kind: "score", operator: ">=", value: 95 }],
      },
      [submitted(60), high],
    );

    expect(evidence).toEqual([{ eventId: high.id, value: 97 }]);
  });

  it("names the badges held for a badges rule", () => {
    const catalog = [
      badge("honours", { kind: "badges", allOf: ["ace", "first-steps"] }),
      badge("ace", { kind: "score", operator: ">=", value: 90 }),
      badge("first-steps", firstLesson),
    ];

    const { steps } = replay(catalog, [lesson(), submitted(90)]);
    const honours = awardsOf(steps).find(
      (change) => change.badge.id === "honours",
    );

    expect(honours?.evidence).toEqual([
      { eventId: "", value: "holds ace" },
      { eventId: "", value: "holds first-steps" },
    ]);
  });

  it("names no evidence for a revocation", () => {
    const only = submitted(90);

    const { steps } = replay(
      [badge("good", { kind: "score", operator: ">=", value: 80 }, "revoke")],
      [only, corrected(only, 20)],
    );

    expect(steps[1]).toMatchObject([{ kind: "revoke", evidence: [] }]);
  });

  it("records the learner and the triggering fact on each change", () => {
    const trigger = submitted(90);

    const { steps } = replay(
      [badge("good", { kind: "score", operator: ">=", value: 80 })],
      [trigger],
    );

    expect(steps[0]?.[0]).toMatchObject({
      learnerId: trigger.event.payload.learnerId,
      fact: { id: trigger.id, type: "QuizSubmitted" },
    });
  });
});
