/**
 * A reproducible stream of quiz submissions and a way to read back the
 * state the service made of it, to compare two runs.
 */
import type pg from "pg";
import { v5 as uuidv5 } from "uuid";
import type { Envelope } from "../../src/domain/events.js";

const namespace = "0d5b2f3e-8c1a-4f0e-9a51-2b7c8d9e0f11";

export function submissions(
  count: number,
  learners: number,
  seed = 1,
): Envelope<"QuizSubmitted">[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const scores = [100, 95, 90, 89.99, 70, 40];
  return Array.from({ length: count }, (_, index) => ({
    id: uuidv5(`event/${seed}/${index}`, namespace),
    occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 1000),
    event: {
      type: "QuizSubmitted",
      payload: {
        quizId: uuidv5(`quiz/${index % 7}`, namespace),
        learnerId: uuidv5(
          `learner/${seed}/${Math.floor(next() * learners)}`,
          namespace,
        ),
        score: scores[Math.floor(next() * scores.length)] ?? 0,
      },
    },
  }));
}

export interface AwardState {
  awards: string[];
  awardEvents: string[];
}

/** Holdings and BadgeAwarded events, as sorted text, for comparing runs. */
export async function awardState(pool: pg.Pool): Promise<AwardState> {
  const awards = await pool.query<{ row: string }>(
    `SELECT concat_ws(' ', learner_id, badge_id, awarded_at, reason,
                      trigger_event_id) AS row
     FROM learner_badges ORDER BY 1`,
  );
  const events = await pool.query<{ row: string }>(
    `SELECT concat_ws(' ', id, occurred_at, payload::text) AS row
     FROM event_store WHERE event_name = 'BadgeAwarded' ORDER BY 1`,
  );
  return {
    awards: awards.rows.map((r) => r.row),
    awardEvents: events.rows.map((r) => r.row),
  };
}
