import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth/session'
import type { Credentials, Me } from '@/api/auth/session'
import { isApiError } from '@/api/http'

/** The signed-in user (`Me`) and what they may do. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  /** Whether we asked the server who is signed in since the page loaded. */
  const checked = ref(false)

  const loggedIn = computed(() => me.value !== null)
  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const mustChangePassword = computed(() => me.value?.mustChangePassword === true)

  function can(permission: string): boolean {
    return permissions.value.has(permission)
  }

  /** Asks the server once; a 401 (or any failure) means nobody is signed in. */
  async function ensureChecked(): Promise<void> {
    if (checked.value) return
    try {
      me.value = await authApi.fetchMe()
    } catch (e) {
      me.value = null
      if (!isApiError(e)) throw e
    } finally {
      checked.value = true
    }
  }

  async function refresh(): Promise<void> {
    me.value = await authApi.fetchMe()
    checked.value = true
  }

  async function login(credentials: Credentials): Promise<Me> {
    const result = await authApi.login(credentials)
    me.value = result
    checked.value = true
    // The session id (and with it the CSRF token) changes at login.
    await authApi.fetchCsrf().catch(() => undefined)
    return result
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
      await authApi.fetchCsrf().catch(() => undefined)
    }
  }

  function passwordChanged(): void {
    if (me.value) me.value = { ...me.value, mustChangePassword: false }
  }

  /** Forgets the user locally (after a 401). */
  function clear(): void {
    me.value = null
    checked.value = true
  }

  return {
    me,
    checked,
    loggedIn,
    permissions,
    mustChangePassword,
    can,
    ensureChecked,
    refresh,
    login,
    logout,
    passwordChanged,
    clear,
  }
})
