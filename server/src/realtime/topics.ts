import { createPubSub } from '@graphql-yoga/subscription';
import type { ImportProgressEvent } from '../modules/imports/import-progress';

/**
 * Every in-process topic, typed: the name, the routing id and the payload.
 * Only services publish; resolvers subscribe.
 */
export interface HubTopics {
  [key: string]: [string, unknown] | [unknown];
  'import.progress': [jobId: string, event: ImportProgressEvent];
}

export type HubPubSub = ReturnType<typeof createPubSub<HubTopics>>;

/** One per server process (and per test hub), so that hubs in one process do not cross-talk. */
export function createHubPubSub(): HubPubSub {
  return createPubSub<HubTopics>();
}
