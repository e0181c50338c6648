/** Progress values as stored (lower case, like every enum in the database). */
export type ProgressStatusValue = 'planned' | 'in_progress' | 'done';

export const PROGRESS_STATUSES: readonly ProgressStatusValue[] = ['planned', 'in_progress', 'done'];

/** How many of an activity's targets stand at each status. */
export interface ProgressCounts {
  planned: number;
  inProgress: number;
  done: number;
}

export const NO_PROGRESS: ProgressCounts = { planned: 0, inProgress: 0, done: 0 };

/**
 * An activity's overall status from its targets' statuses: done when it has
 * targets and every one is done; in progress when any target has moved
 * (in progress or done); planned otherwise, including when nothing is recorded.
 */
export function activityStatus(counts: ProgressCounts): ProgressStatusValue {
  const total = counts.planned + counts.inProgress + counts.done;
  if (total > 0 && counts.done === total) return 'done';
  if (counts.inProgress + counts.done > 0) return 'in_progress';
  return 'planned';
}

/**
 * Overdue is derived, never stored: the deadline's last day is before today
 * (in the region) and the work is not done. A deadline without an end (unparsed,
 * «постоянно», «по запросу») is never overdue. Recurring deadlines end with the
 * plan's year unless the text gives dates, so they fall due when the year is over.
 */
export function isOverdue(deadlineEnd: string | null, status: ProgressStatusValue, today: string): boolean {
  return deadlineEnd !== null && status !== 'done' && deadlineEnd < today;
}
