/**
 * Gives every event a global position and the id of the transaction that
 * wrote it. Readers order by (transaction_id, global_position) and read only
 * below the oldest running transaction, so an event whose transaction
 * commits late is never skipped. Rows already present are numbered in the
 * order they occurred.
 */
export const globalOrder = `
ALTER TABLE event_store ADD COLUMN global_position bigint;

UPDATE event_store AS e
SET global_position = numbered.position
FROM (
  SELECT id, row_number() OVER (ORDER BY occurred_at, id) AS position
  FROM event_store
) AS numbered
WHERE e.id = numbered.id;

CREATE SEQUENCE event_store_global_position_seq
  OWNED BY event_store.global_position;

SELECT setval(
  'event_store_global_position_seq',
  coalesce((SELECT max(global_position) FROM event_store), 1),
  (SELECT count(*) > 0 FROM event_store)
);

ALTER TABLE event_store
  ALTER COLUMN global_position
    SET DEFAULT nextval('event_store_global_position_seq'),
  ALTER COLUMN global_position SET NOT NULL,
  ADD CONSTRAINT event_store_global_position_key UNIQUE (global_position),
  ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX event_store_read_order
  ON event_store (transaction_id, global_position);

CREATE INDEX event_store_by_name
  ON event_store (event_name, transaction_id, global_position);
`;
