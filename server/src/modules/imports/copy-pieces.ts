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

/** Rows wait in pieces of this many bytes (a longer row takes a piece of its own). */
const PIECE = 64 * 1024;

/**
 * Parsed rows as COPY text, waiting in pieces of about `PIECE` bytes. Each row is written as UTF-8
 * into the piece as it comes: rows held as strings until a piece is full survived the young
 * generation's collections, and copying them there cost the parser more than encoding them.
 */
export class CopyTextPieces {
  private piece = Buffer.allocUnsafe(PIECE);
  private at = 0;
  private pieces: Buffer[] = [];

  add(row: string): void {
    // A UTF-16 unit takes at most three bytes in UTF-8.
    if (this.at + row.length * 3 > this.piece.length) {
      this.seal();
      if (row.length * 3 > PIECE) this.piece = Buffer.allocUnsafe(row.length * 3);
    }
    this.at += this.piece.write(row, this.at);
  }

  /** Everything added so far; empty again after. */
  take(): Buffer[] {
    this.seal();
    const pieces = this.pieces;
    this.pieces = [];
    return pieces;
  }

  private seal(): void {
    if (this.at === 0) return;
    this.pieces.push(this.piece.subarray(0, this.at));
    this.piece = Buffer.allocUnsafe(PIECE);
    this.at = 0;
  }
}
