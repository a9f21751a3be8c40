import type { LocationQuery } from 'vue-router'

/** The route to return to after login or a password change; only in-app paths, never back to the auth pages. */
export function safeRedirect(query: LocationQuery): string {
  const raw = query.redirect
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/'
  if (value.startsWith('/login') || value.startsWith('/change-password')) return '/'
  return value
}
