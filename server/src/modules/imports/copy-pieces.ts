import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * One COPY … FROM STDIN of rows already in COPY's text format; resolves to the rows written.
 * A refused COPY (a row that exists, for a kind writing straight into its table) is expected:
 * once PostgreSQL has answered with an error, nothing more may be written to the stream (the
 * driver has let go of the connection), so pieces go one at a time, each after the last drained.
 */
export async function copyPieces(client: PoolClient, statement: string, pieces: Buffer[]): Promise<number> {
  const stream = client.query(copyFrom(statement));
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (error: Error) => {
      failure ??= error;
      reject(error);
    }),
  );
  failed.catch(() => undefined);
  for (const piece of pieces) {
    if (failure) throw failure;
    if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), failed]);
  }
  if (failure) throw failure;
  await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
  return stream.rowCount;
}
