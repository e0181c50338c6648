export const AuthErrorCode = {
  /** No valid sign-in: the only operations allowed are login and refreshToken. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_CREDENTIALS: 'AUTH_BAD_CREDENTIALS',
  THROTTLED: 'AUTH_THROTTLED',
  BAD_REFRESH_TOKEN: 'AUTH_BAD_REFRESH_TOKEN',
  /** Signed in, but the role or scope does not allow this. */
  FORBIDDEN: 'FORBIDDEN',
} as const;

export const UserErrorCode = {
  INVALID: 'USER_INVALID',
  EXISTS: 'USER_EXISTS',
  NOT_FOUND: 'USER_NOT_FOUND',
} as const;
