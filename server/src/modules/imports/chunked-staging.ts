import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { CopyTextPieces, copyPieces } from './copy-pieces';
import type { AnyImportKind, ChunkedMerge } from './import-kind';
import type { KeyHashes } from './key-hashes';
import { rowEncoder, STAGING, type Stager } from './staging';

/** The staged rows the chunks left unwritten: those from the first such line on. */
const REST = 'import_staging_rest';
/** Rows of chunks written without being staged, staged after all (see `stageWritten`). */
const WRITTEN = 'import_staging_written';
/**
 * The least rows of a chunk (unless the chunk size is smaller). A chunk goes as soon as PostgreSQL
 * has finished the previous one and this many rows wait, else once it is full: PostgreSQL then
 * waits only for the first few thousand rows, and chunks grow as far as the parser runs ahead.
 */
const LEAST_CHUNK_ROWS = 5_000;

/** The file's valid rows again, in line order, from a second read: `before` ends it. */
export type Replay = (before: number) => AsyncIterable<{ line: number; value: unknown }>;

export interface ChunkedStager extends Stager {
  /** After `finish`: a view of the rows left for `ChunkedMerge.finish`, or null when every chunk was written. */
  rest(): Promise<string | null>;
  /**
   * After `finish`: stages the rows of the chunks that were written without being staged, read
   * again from the file, so that the checks of the whole file see every row (needed only when the
   * key hashes cannot vouch that no key repeats).
   */
  stageWritten(replay: Replay): Promise<void>;
}

/**
 * Gathers a file in chunks and has the kind write each chunk while this process reads and parses
 * the next: PostgreSQL and the parser then work side by side instead of one after the other.
 * One connection (the transaction's), so a chunk is sent once the previous chunk's write has
 * returned; until then it waits here, parsed.
 *
 * A chunk the kind writes straight into its table (`ChunkRows.copyInto`, the common large file
 * of new rows) is not staged at all: copying it into the staging table as well cost PostgreSQL a
 * tenth of the write. Every other chunk is a partition of the staging table: the kind reads just
 * the chunk, the checks of the whole file read them all afterwards. Once a chunk is left
 * unwritten (the kind's choice, or `writing` says no: a row was rejected, a key may repeat),
 * every later chunk is left too, so the rest is simply the lines from there on.
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
  const client = () => runner.connect() as Promise<PoolClient>;
  /** A kind with checks of its own over the staged rows has every chunk staged as it comes. */
  const stageEvery = kind.checkStaged !== undefined;
  const gathered = new CopyTextPieces();
  let lines: number[] = [];
  const leastRows = Math.min(options.rows, LEAST_CHUNK_ROWS);
  let partitions = 0;
  /** The previous chunk's write, still running in PostgreSQL (until `busy` turns false). */
  let writing: Promise<void> | null = null;
  let busy = false;
  /** The first line of the rows left for `finish`. */
  let restFrom: number | null = null;
  /** Line ranges of the chunks written and never staged. */
  const unstaged: [from: number, to: number][] = [];

  const settle = async () => {
    const pending = writing;
    writing = null;
    if (pending) await pending;
  };

  const stage = async (pieces: Buffer[], chunkLines: number[]) => {
    const table = `${STAGING}_${++partitions}`;
    const [from, to] = [chunkLines[0]!, chunkLines[chunkLines.length - 1]!];
    await em.query(`CREATE TEMP TABLE ${table} PARTITION OF ${STAGING} FOR VALUES FROM (${from}) TO (${to + 1})`);
    await copyPieces(await client(), `COPY ${table} (${names}) FROM STDIN`, withLines(pieces, chunkLines));
    return table;
  };

  const flush = async () => {
    if (lines.length === 0) return;
    const [pieces, chunkLines] = [gathered.take(), lines];
    lines = [];
    await settle();
    if (restFrom !== null || !options.writing()) {
      restFrom ??= chunkLines[0]!;
      await stage(pieces, chunkLines);
      return;
    }
    let staged: Promise<string> | null = stageEvery ? stage(pieces, chunkLines) : null;
    if (staged) await staged;
    const rows = {
      copyInto: async (target: string) => copyPieces(await client(), `COPY ${target} (${columns}) FROM STDIN`, pieces),
      staged: () => (staged ??= stage(pieces, chunkLines)),
    };
    const pending = merge.chunk(rows).then(async (written) => {
      if (!written) {
        restFrom ??= chunkLines[0]!;
        await rows.staged();
      } else if (!staged) unstaged.push([chunkLines[0]!, chunkLines[chunkLines.length - 1]!]);
    });
    // Awaited by the next flush (or `finish`); until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    writing = pending;
    busy = true;
    void pending.finally(() => (busy = false)).catch(() => undefined);
  };

  return {
    add(line, value) {
      lines.push(line);
      gathered.add(encode(value));
      // Rows of chunks that will not be written are the kind's to read from the staging table.
      if (restFrom === null) merge.add?.(value);
      const waiting = lines.length;
      return waiting >= options.rows || (!busy && waiting >= leastRows) ? flush() : undefined;
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
    async stageWritten(replay) {
      if (unstaged.length === 0) return;
      // Every other partition exists by now: a default partition takes the lines none of them holds.
      await em.query(`CREATE TEMP TABLE ${WRITTEN} PARTITION OF ${STAGING} DEFAULT`);
      const again = rowEncoder(kind, null);
      const pieces = new CopyTextPieces();
      let range = 0;
      for await (const { line, value } of replay(unstaged[unstaged.length - 1]![1] + 1)) {
        while (line > unstaged[range]![1]) range++;
        if (line >= unstaged[range]![0]) pieces.add(line + '\t' + again(value));
      }
      unstaged.length = 0;
      await copyPieces(await client(), `COPY ${WRITTEN} (${names}) FROM STDIN`, pieces.take());
    },
  };
}

/** The rows of COPY text in `pieces` (whole rows each), each preceded by its line. */
function withLines(pieces: Buffer[], lines: number[]): Buffer[] {
  const out = new CopyTextPieces();
  let at = 0;
  for (const piece of pieces) {
    const text = piece.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      out.add(lines[at++] + '\t' + text.slice(start, end + 1));
      start = end + 1;
    }
  }
  return out.take();
}
