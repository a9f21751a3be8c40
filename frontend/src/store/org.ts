import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OrgRef } from '@/api/types'

const KEY = 'tuanwu.currentOrg'

function restore(): OrgRef | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const v: unknown = JSON.parse(raw)
    if (typeof v === 'object' && v !== null && 'id' in v && 'code' in v && 'name' in v) {
      const o = v as Record<string, unknown>
      if (typeof o.id === 'number' && typeof o.code === 'string' && typeof o.name === 'string') {
        return { id: o.id, code: o.code, name: o.name }
      }
    }
  } catch {
    // ignore a broken entry
  }
  return null
}

/** The org the user is working on, kept across pages (UI.md: chosen in the tree, used by other pages). */
export const useCurrentOrgStore = defineStore('currentOrg', () => {
  const current = ref<OrgRef | null>(restore())

  function select(org: OrgRef | null): void {
    current.value = org ? { id: org.id, code: org.code, name: org.name } : null
    try {
      if (current.value) sessionStorage.setItem(KEY, JSON.stringify(current.value))
      else sessionStorage.removeItem(KEY)
    } catch {
      // storage unavailable: keep it in memory only
    }
  }

  return { current, select }
})
