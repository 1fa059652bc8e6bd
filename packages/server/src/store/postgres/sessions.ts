/** Running work on one pooled PostgreSQL connection: a transaction, or a cursor read in batches. */
import type pg from "pg";
import Cursor from "pg-cursor";
import type { ChainRow } from "../../chain/verify-chain.ts";

/** Rows fetched per cursor read: memory stays flat whatever the result's size. */
export const BATCH = 1000;

export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Reads a query through a server-side cursor, `BATCH` rows at a time. */
export async function* cursorRows<Row>(
  client: pg.PoolClient,
  sql: string,
  values: readonly unknown[],
): AsyncGenerator<Row> {
  const cursor = client.query(new Cursor<Row>(sql, [...values]));
  try {
    for (;;) {
      const rows = await cursor.read(BATCH);
      yield* rows;
      if (rows.length < BATCH) return;
    }
  } finally {
    await cursor.close();
  }
}

/** BIGINT arrives as text from pg; the chain compares numbers. */
export async function* numberedRows(
  rows: AsyncIterable<Omit<ChainRow, "seq"> & { seq: string }>,
): AsyncGenerator<ChainRow> {
  for await (const row of rows) yield { ...row, seq: Number(row.seq) };
}
