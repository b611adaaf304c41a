/**
 * Every change of a checkpoint row counts up its version, so a consumer can
 * tell that no one else has written since its own last batch.
 */
export const checkpointVersion = `
ALTER TABLE consumer_checkpoints
  ADD COLUMN version bigint NOT NULL DEFAULT 0;
`;
