/**
 * Learner progress on each badge (counters, streaks, qualifying events) as
 * the rule engine keeps it between batches, and the provenance of awards.
 */
export const learnerProgress = `
CREATE TABLE learner_progress (
  learner_id  uuid NOT NULL,
  badge_id    uuid NOT NULL,
  version     integer NOT NULL,
  state       jsonb NOT NULL,
  revoked     boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (learner_id, badge_id)
);

ALTER TABLE learner_badges
  ADD COLUMN rule_version integer,
  ADD COLUMN evidence jsonb;
`;
