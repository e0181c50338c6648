import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchConfig } from './config';

export interface Target {
  /** The figure must be at most (`<=`) or at least (`>=`) the value. */
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  benchmark: string;
  id: string;
  title: string;
  value: number;
  unit: string;
  target?: Target;
  /** How it was measured, what it includes (cache hits…), or why it is missing. */
  note?: string;
  /** The per-run values the figure is the median of. */
  runs?: number[];
}

export type Verdict = 'met' | 'MISSED' | 'info' | 'no figure';

export function verdictOf(figure: Figure): Verdict {
  if (!Number.isFinite(figure.value)) return 'no figure';
  if (!figure.target) return 'info';
  const { op, value } = figure.target;
  return (op === '<=' ? figure.value <= value : figure.value >= value) ? 'met' : 'MISSED';
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  seconds: number;
  config: Omit<BenchConfig, 'only'> & { only: string[] | null };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    /** 1-minute load average when the run started and when it ended: other work skews timings. */
    loadAverage: { start: number; end: number };
    embeddedPostgres: boolean;
  };
  dataset: { schools: number; participants: number; generateSeconds: number };
  figures: (Figure & { verdict: Verdict })[];
}

const format = (value: number) =>
  !Number.isFinite(value)
    ? '—'
    : Math.abs(value) >= 1000
      ? Math.round(value).toLocaleString('en')
      : Math.abs(value) >= 10
        ? value.toFixed(1)
        : value.toFixed(2);

/** The figures as a plain-text table: figure, value, target, verdict. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.title,
    `${format(f.value)} ${f.unit}`.trim(),
    f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${format(f.target.value)} ${f.unit}`.trim() : '',
    verdictOf(f),
  ]);
  const header = ['figure', 'value', 'target', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes the report as `<timestamp>.json` and `latest.json` in `dir`; returns the first path. */
export function writeReport(report: BenchReport, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  const text = JSON.stringify(report, null, 2) + '\n';
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'latest.json'), text);
  return file;
}

export function machineLoad(): number {
  return Number(os.loadavg()[0]!.toFixed(2));
}
