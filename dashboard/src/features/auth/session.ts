import { shallowRef } from 'vue';
import type { SessionUserFragment } from '../../generated/graphql';

const STORAGE_KEY = 'hub.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (ms since epoch). */
  expiresAt: number;
  user: SessionUserFragment;
}

function load(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The signed-in session: kept in this tab's storage so a reload stays signed in. */
export const session = shallowRef<Session | null>(load());

export function saveSession(payload: {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUserFragment;
}): Session {
  const next: Session = {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: Date.now() + payload.expiresIn * 1000,
    user: payload.user,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  session.value = next;
  return next;
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  session.value = null;
}
