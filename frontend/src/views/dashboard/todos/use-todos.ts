import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { TodoItem } from '@/api/scorecard/todos'
import { t } from '@/locales'

/** The filters of the to-do list that the URL carries (so that the dashboard can link to one kind). */
export interface TodoListState {
  kind: string
  township: string
  page: number
  size: number
}

export const PAGE_SIZES: readonly number[] = [20, 50, 100]
export const DEFAULT_SIZE = 20

function first(v: LocationQuery[string] | undefined): string {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' ? x : ''
}

/** Reads the list state out of the route query; anything malformed falls back to the defaults. */
export function stateFromQuery(q: LocationQuery): TodoListState {
  const page = Number.parseInt(first(q.page), 10)
  const size = Number.parseInt(first(q.size), 10)
  return {
    kind: first(q.kind),
    township: first(q.township),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE,
  }
}

/** The route query of a state: only what differs from the defaults, so that a plain link stays plain. */
export function queryOf(s: TodoListState): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  if (s.kind) q.kind = s.kind
  if (s.township) q.township = s.township
  if (s.page > 1) q.page = String(s.page)
  if (s.size !== DEFAULT_SIZE) q.size = String(s.size)
  return q
}

/**
 * One to-do as a sentence. The three kinds of today are said in the user's language; a kind a module adds is
 * shown by its server title and note (the server's notes are Chinese).
 */
export function todoText(item: TodoItem): string {
  switch (item.kind) {
    case 'TERM_EXPIRED':
      return t('dashboard.alerts.termExpired', { org: item.org.name, date: item.date ?? '—' })
    case 'TERM_EXPIRING':
      return t('dashboard.alerts.termExpiring', { org: item.org.name, date: item.date ?? '—' })
    case 'VILLAGE_UNCOVERED':
      return t('dashboard.alerts.villageUncovered', { org: item.org.name, unit: item.unit?.name ?? '—' })
    default:
      return item.note ? `${item.org.name}：${item.note}` : item.org.name
  }
}

/** The note of a to-do beside its org (the org has its own column): the known kinds in the user's language. */
export function todoNote(item: TodoItem): string {
  switch (item.kind) {
    case 'TERM_EXPIRED':
    case 'TERM_EXPIRING':
      return t(`todos.notes.${item.kind}`, { date: item.date ?? '—' })
    case 'VILLAGE_UNCOVERED':
      return t('todos.notes.VILLAGE_UNCOVERED', { unit: item.unit?.name ?? '—' })
    default:
      return item.note ?? ''
  }
}

/** Tag colour of a kind: the overdue red, the coming amber, the rest red as obligations still open. */
export function kindTagType(kind: string): 'danger' | 'warning' {
  return kind === 'TERM_EXPIRING' ? 'warning' : 'danger'
}
