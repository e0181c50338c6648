import type { Locator, Page } from 'playwright-core';
import type { TestHub } from '../harness/hub';

// Callbacks given to page.evaluate run in the browser; this project has no DOM types.
declare const document: any;

/**
 * How the dashboard should print a figure, written here independently of the
 * dashboard's own formatter: ru-RU, one decimal for percentages and scores.
 */
export function ruFigure(value: number | null, unit: string): string {
  if (value === null) return '—';
  const decimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (unit === '%') return `${decimal.format(value)} %`;
  if (unit === 'балл') return decimal.format(value);
  return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 }).format(value);
}

/** Text with every kind of space as a plain one, trimmed. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export async function textOf(locator: Locator): Promise<string> {
  return plain(await locator.textContent());
}

export interface AggregateRow {
  key: string;
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

const AGGREGATE = `query ($indicator: String!, $groupBy: GroupBy!, $filter: AggregateFilter) {
  aggregate(indicator: $indicator, groupBy: $groupBy, filter: $filter) { rows { key label value numerator denominator } }
}`;

export async function aggregate(
  hub: TestHub,
  indicator: string,
  groupBy: 'REGION' | 'MUNICIPALITY' | 'CLUSTER' | 'SCHOOL',
  filter: Record<string, unknown> = {},
): Promise<AggregateRow[]> {
  const data = await hub.gqlOk<{ aggregate: { rows: AggregateRow[] } }>(AGGREGATE, { indicator, groupBy, filter });
  return data.aggregate.rows;
}

const INDICATORS = '{ indicators { code unit } }';

export async function units(hub: TestHub): Promise<Map<string, string>> {
  const data = await hub.gqlOk<{ indicators: { code: string; unit: string }[] }>(INDICATORS);
  return new Map(data.indicators.map((i) => [i.code, i.unit]));
}

/** Waits until every chart inside `scope` has drawn its canvas (ECharts' `finished`). */
export async function chartsDrawn(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const charts = [...document.querySelectorAll(sel)];
      return (
        charts.length > 0 && charts.every((c) => c.getAttribute('data-drawn') === 'true' && c.querySelector('canvas'))
      );
    },
    selector,
    { timeout },
  );
}

/** Whether a canvas has anything painted on it (not a blank rectangle). */
export async function canvasPainted(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as any;
    const data: number[] = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4 * 50) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 0 && (Math.abs(r - g) > 30 || Math.abs(g - b) > 30)) coloured += 1;
    }
    return coloured > 20;
  });
}
