/** Runs one write part as a statement of its own; returns what it returns. */
import type pg from "pg";
import { Statement, type WritePart } from "./statement.js";

export async function runAlone<Row extends pg.QueryResultRow = never>(
  client: pg.Pool | pg.PoolClient,
  part: (statement: Statement) => WritePart,
): Promise<Row[]> {
  const statement = new Statement();
  const { sql } = part(statement);
  const { rows } = await client.query<Row>(sql, statement.params);
  return rows;
}
