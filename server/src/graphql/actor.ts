/**
 * Who performs a request: recorded with every write ("who and when") and,
 * with the access-control work, the role and scope that services check.
 */
export interface Actor {
  /** The user's id; null for an anonymous caller. */
  userId: string | null;
  /** A name to show in histories («кто внёс»). */
  displayName: string;
}

export const ANONYMOUS: Actor = { userId: null, displayName: 'Аноним' };

/** Seeds and command-line tools act as the system. */
export const SYSTEM: Actor = { userId: null, displayName: 'Система' };
