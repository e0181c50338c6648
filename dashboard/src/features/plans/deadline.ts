import type { ActivityDeadlineFieldsFragment } from '../../generated/graphql';
import { RECURRENCE_TITLES } from './labels';

/** LocalDate strings are calendar days: formatted in UTC so no time zone moves them. */
const day = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeZone: 'UTC' });

export function formatLocalDate(value: string): string {
  return day.format(new Date(`${value}T00:00:00Z`));
}

/** The deadline as the hub understood it: «01.04.2023 – 30.04.2023», «до 31.05.2021», «постоянно». */
export function understoodDeadline(deadline: ActivityDeadlineFieldsFragment): string {
  if (!deadline.parsed) return 'срок не распознан: за сроком следите по документу';
  const parts: string[] = [];
  if (deadline.start && deadline.end)
    parts.push(`${formatLocalDate(deadline.start)} – ${formatLocalDate(deadline.end)}`);
  else if (deadline.end) parts.push(`до ${formatLocalDate(deadline.end)}`);
  else if (deadline.start) parts.push(`с ${formatLocalDate(deadline.start)}`);
  const r = deadline.recurrence;
  if (r) {
    const times = r.timesPerPeriod;
    const count =
      times && (times.min > 1 || times.max > 1)
        ? ` (${times.min === times.max ? times.min : `${times.min}–${times.max}`} раза)`
        : '';
    parts.push(`${RECURRENCE_TITLES[r.kind]}${count}`);
  }
  if (!deadline.end) parts.push('без срока окончания');
  return parts.join(', ');
}
