/**
 * Tables of the award consumer: its durable checkpoint, the events it could
 * not process, and the event behind each award.
 */
export const awardConsumer = `
CREATE TABLE consumer_checkpoints (
  consumer        text PRIMARY KEY,
  transaction_id  xid8 NOT NULL,
  global_position bigint NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dead_letters (
  consumer        text NOT NULL,
  event_id        uuid NOT NULL,
  global_position bigint NOT NULL,
  event_name      text NOT NULL,
  code            text NOT NULL,
  reason          text NOT NULL,
  failed_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

ALTER TABLE learner_badges ADD COLUMN trigger_event_id uuid;
`;
