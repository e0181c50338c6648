import type { SourceRecord } from './sources';

const QUOTE = '"';

/**
 * Splits CSV text into records as it streams in, the way Excel writes and reads
 * it: a field that starts with `"` is quoted (`""` inside is a quote; the
 * delimiter and line breaks inside are text); a quote anywhere else is just a
 * character; lines end with LF or CRLF. Each record carries the line it starts on.
 *
 * Built for files of millions of rows: a line without quotes (nearly all of
 * them) is cut by the native `split`, only lines with a quote take the
 * character-by-character path.
 */
export class CsvSplitter {
  private pending = '';
  private line = 1;
  private started = false;

  constructor(private readonly delimiter: string) {}

  /** Appends the complete records of `text` (plus what was pending) to `out`. */
  push(text: string, out: SourceRecord[]): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const data = this.pending === '' ? text : this.pending + text;
    this.pending = data.slice(this.split(data, out, false));
  }

  /** The last record, when the file does not end with a line break. */
  end(out: SourceRecord[]): void {
    if (this.pending !== '') this.split(this.pending, out, true);
    this.pending = '';
  }

  /** Records found in `data`; returns where the unfinished rest begins. */
  private split(data: string, out: SourceRecord[], final: boolean): number {
    let pos = 0;
    const length = data.length;
    // The next quote at or after `pos`, looked up again only once passed: searching from each
    // line would scan the rest of a quote-free megabyte once per line.
    let quote = -1;
    while (pos < length) {
      let newline = data.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) return pos;
        newline = length;
      }
      if (quote !== length && quote < pos) {
        quote = data.indexOf(QUOTE, pos);
        if (quote === -1) quote = length;
      }
      if (quote >= newline) {
        const end = newline > pos && data.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        out.push({ line: this.line++, cells: data.slice(pos, end).split(this.delimiter) });
        pos = newline + 1;
        continue;
      }
      const next = this.quoted(data, pos, out, final);
      if (next === -1) return pos;
      pos = next;
    }
    return pos;
  }

  /**
   * One record with quoted fields, from `pos`; returns where the next record
   * begins, or -1 when the record is not complete in `data` yet.
   */
  private quoted(data: string, pos: number, out: SourceRecord[], final: boolean): number {
    const cells: string[] = [];
    const length = data.length;
    const startLine = this.line;
    let lines = 0;
    let i = pos;
    for (;;) {
      let field = '';
      if (data[i] === QUOTE) {
        i++;
        for (;;) {
          const close = data.indexOf(QUOTE, i);
          if (close === -1 || (close === length - 1 && !final)) {
            // A quote still open at the end of the file closes there.
            if (!final) return -1;
            field += data.slice(i);
            i = length;
            break;
          }
          field += data.slice(i, close);
          if (data[close + 1] === QUOTE) {
            field += QUOTE;
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        lines += countNewlines(field);
      }
      // Up to the delimiter or the line's end; text after a closing quote is kept as written.
      let end = i;
      while (end < length) {
        const c = data[end];
        if (c === this.delimiter || c === '\n') break;
        end++;
      }
      if (end === length && !final) return -1;
      let tail = data.slice(i, end);
      if (end < length && data[end] === '\n' && tail.endsWith('\r')) tail = tail.slice(0, -1);
      else if (end === length && tail.endsWith('\r')) tail = tail.slice(0, -1);
      cells.push(field + tail);
      if (end >= length) {
        i = length;
        break;
      }
      i = end + 1;
      if (data[end] === '\n') break;
    }
    this.line = startLine + lines + 1;
    out.push({ line: startLine, cells });
    return i;
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
