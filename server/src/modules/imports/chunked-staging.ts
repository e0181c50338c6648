import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { copyPieces } from './copy-pieces';
import type { AnyImportKind, ChunkedMerge } from './import-kind';
import type { KeyHashes } from './key-hashes';
import { rowEncoder, STAGING, type Stager } from './staging';

/** The staged rows the chunks left unwritten: those from the first such line on. */
const REST = 'import_staging_rest';
/** Parsed rows wait in pieces of about this many characters. */
const PIECE = 64 * 1024;

export interface ChunkedStager extends Stager {
  /** After `finish`: a view of the rows left for `ChunkedMerge.finish`, or null when every chunk was written. */
  rest(): Promise<string | null>;
}

/**
 * Stages a file in chunks and has the kind write each chunk while this process reads and parses
 * the next: PostgreSQL and the parser then work side by side instead of one after the other.
 * One connection (the transaction's), so a chunk is sent once the previous chunk's write has
 * returned; until then it waits here, parsed. Each chunk is a partition of the staging table: the
 * kind reads just the chunk, the checks of the whole file read them all afterwards.
 *
 * Once a chunk is left unwritten (the kind's choice, or `writing` says no: a row was rejected, a
 * key may repeat), every later chunk is left too, so the rest is simply the lines from there on.
 */
export function openChunkedStager(
  em: EntityManager,
  kind: AnyImportKind,
  keys: KeyHashes,
  merge: ChunkedMerge,
  options: { rows: number; writing: () => boolean },
): ChunkedStager {
  const runner = em.queryRunner;
  if (!runner) throw new Error('Staging needs the transaction’s query runner');
  const encode = rowEncoder(kind, keys);
  const columns = kind.staging.map((c) => `"${c.name}"`).join(', ');
  const names = `line, ${columns}`;
  const staged = new Pieces();
  /** The same rows without `line`, for a kind that writes a chunk straight into its table. */
  const bare = new Pieces();
  let rows = 0;
  let first = 0;
  let last = 0;
  let partitions = 0;
  /** The previous chunk's write, still running in PostgreSQL. */
  let writing: Promise<void> | null = null;
  /** The first line of the rows left for `finish`. */
  let restFrom: number | null = null;

  const settle = async () => {
    const pending = writing;
    writing = null;
    if (pending) await pending;
  };

  const flush = async () => {
    if (rows === 0) return;
    const [chunk, rowsAgain, from, to] = [staged.take(), bare.take(), first, last];
    rows = 0;
    await settle();
    const table = `${STAGING}_${++partitions}`;
    await em.query(`CREATE TEMP TABLE ${table} PARTITION OF ${STAGING} FOR VALUES FROM (${from}) TO (${to + 1})`);
    const client = (await runner.connect()) as PoolClient;
    await copyPieces(client, `COPY ${table} (${names}) FROM STDIN`, chunk);
    if (restFrom !== null || !options.writing()) {
      restFrom ??= from;
      return;
    }
    const copyInto = (target: string) => copyPieces(client, `COPY ${target} (${columns}) FROM STDIN`, rowsAgain);
    const pending = merge.chunk(table, { copyInto }).then((written) => {
      if (!written) restFrom ??= from;
    });
    // Awaited by the next flush (or `finish`); until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    writing = pending;
  };

  return {
    add(line, value) {
      if (rows === 0) first = line;
      last = line;
      rows++;
      const row = encode(value);
      staged.add(line + '\t' + row);
      bare.add(row);
      return rows >= options.rows ? flush() : undefined;
    },
    async finish() {
      await flush();
      await settle();
    },
    async abort() {
      await settle().catch(() => undefined);
    },
    async rest() {
      if (restFrom === null) return null;
      await em.query(`CREATE TEMP VIEW ${REST} AS SELECT * FROM ${STAGING} WHERE line >= ${restFrom}`);
      return REST;
    },
  };
}

/** Parsed rows as COPY text, waiting in pieces of about `PIECE` characters (one flat string each, then bytes). */
class Pieces {
  private text = '';
  private pieces: Buffer[] = [];

  add(row: string): void {
    this.text += row;
    if (this.text.length >= PIECE) {
      this.pieces.push(Buffer.from(this.text));
      this.text = '';
    }
  }

  /** Everything added so far; empty again after. */
  take(): Buffer[] {
    if (this.text !== '') this.pieces.push(Buffer.from(this.text));
    const pieces = this.pieces;
    this.text = '';
    this.pieces = [];
    return pieces;
  }
}
