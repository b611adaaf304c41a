/** Runs one write part as a statement of its own. */
import type pg from "pg";
import { Statement, type WritePart } from "./statement.js";

export async function runAlone(
  client: pg.Pool | pg.PoolClient,
  part: (statement: Statement) => WritePart,
): Promise<void> {
  const statement = new Statement();
  const { sql } = part(statement);
  await client.query(sql, statement.params);
}
