/**
 * The tables of the original service, exactly as it created them, so that a
 * database it wrote stays readable and a new one starts from the same shape.
 */
export const sketchTables = `
CREATE TABLE IF NOT EXISTS event_store (
  id          uuid PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  event_name  text NOT NULL,
  payload     jsonb NOT NULL
);

CREATE TABLE IF NOT EXISTS learner_badges (
  learner_id uuid NOT NULL,
  badge_id   uuid NOT NULL,
  awarded_at timestamptz NOT NULL,
  reason     text NOT NULL,
  PRIMARY KEY (learner_id, badge_id)
);
`;
