import type { ProgressStatus } from '../../generated/graphql';

/** Status colours: done reads as good, in progress as information, planned as neutral. */
export function statusTone(status: ProgressStatus): 'good' | 'info' | 'neutral' {
  return status === 'DONE' ? 'good' : status === 'IN_PROGRESS' ? 'info' : 'neutral';
}
