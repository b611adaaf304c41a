/**
 * Dead letters of messages that never reached the store: they have no
 * global position, and keep their subject and body for inspection.
 */
export const busDeadLetters = `
ALTER TABLE dead_letters
  ALTER COLUMN global_position DROP NOT NULL,
  ADD COLUMN subject text,
  ADD COLUMN body text;
`;
