/**
 * Runs a function inside one transaction on one pooled connection. While
 * the connection is checked out the pool does not listen to it, so this
 * does: a server that goes away mid-transaction fails the work instead of
 * crashing the process, and the broken connection is not reused.
 */
import type pg from "pg";

export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query("BEGIN");
    try {
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/** Checks out a connection, keeps listening to it, and returns it (or drops it if it failed). */
export async function withClient<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    return await work(client);
  } catch (error) {
    broken ??= isConnectionLoss(error) ? (error as Error) : undefined;
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(broken);
  }
}

function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === "string" && (code.startsWith("08") || code === "57P01")
  );
}
