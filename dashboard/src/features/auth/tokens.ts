import { print } from 'graphql';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../../generated/graphql';
import { clearSession, saveSession, session } from './session';

const ENDPOINT = '/graphql';
/** Refresh a little before expiry, so requests never carry a dying token. */
const MARGIN_MS = 30_000;

let refreshing: Promise<string | null> | null = null;

/** Exchanges the refresh token for a new pair (once at a time); null when the session is over. */
export function refreshAccessToken(): Promise<string | null> {
  const current = session.value;
  if (!current) return Promise.resolve(null);
  refreshing ??= fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(RefreshSessionDocument), variables: { refreshToken: current.refreshToken } }),
  })
    .then(async (response) => {
      const body = (await response.json()) as { data?: RefreshSessionMutation | null };
      if (!body.data?.refreshToken) {
        clearSession();
        return null;
      }
      return saveSession(body.data.refreshToken).accessToken;
    })
    .catch(() => session.value?.accessToken ?? null)
    .finally(() => (refreshing = null));
  return refreshing;
}

/** A usable access token, refreshed when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  const current = session.value;
  if (!current) return null;
  if (current.expiresAt - Date.now() > MARGIN_MS) return current.accessToken;
  return refreshAccessToken();
}
