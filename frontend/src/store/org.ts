import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OrgRef } from '@/api/types'

const KEY = 'tuanwu.currentOrg'

/** The org the user is working on: a reference, and whether it is dissolved (said wherever it is shown). */
export interface CurrentOrg extends OrgRef {
  dissolvedOn: string | null
}

function restore(): CurrentOrg | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const v: unknown = JSON.parse(raw)
    if (typeof v === 'object' && v !== null && 'id' in v && 'code' in v && 'name' in v) {
      const o = v as Record<string, unknown>
      if (typeof o.id === 'number' && typeof o.code === 'string' && typeof o.name === 'string') {
        const dissolvedOn = typeof o.dissolvedOn === 'string' ? o.dissolvedOn : null
        return { id: o.id, code: o.code, name: o.name, dissolvedOn }
      }
    }
  } catch {
    // ignore a broken entry
  }
  return null
}

/**
 * The org the user is working on, kept across pages (docs/ui.md: chosen in the tree, used by other pages). None
 * means the whole of the user's scope (管理范围). The header shows it with a way back to the whole scope.
 */
export const useCurrentOrgStore = defineStore('currentOrg', () => {
  const current = ref<CurrentOrg | null>(restore())

  function select(org: (OrgRef & { dissolvedOn?: string | null }) | null): void {
    current.value = org ? { id: org.id, code: org.code, name: org.name, dissolvedOn: org.dissolvedOn ?? null } : null
    try {
      if (current.value) sessionStorage.setItem(KEY, JSON.stringify(current.value))
      else sessionStorage.removeItem(KEY)
    } catch {
      // storage unavailable: keep it in memory only
    }
  }

  /** Back to the whole scope. */
  function clear(): void {
    select(null)
  }

  return { current, select, clear }
})
