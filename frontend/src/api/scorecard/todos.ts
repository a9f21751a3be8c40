import { http } from '../http'
import { downloadAudited, type DownloadedFile } from '../exchange/files'
import type { OrgRef, Page, PageQuery } from '../types'

/** docs/api.md "To-do list 待办提醒". Modules may add kinds: show the server's `title` for any kind. */
export type TodoKind = 'TERM_EXPIRED' | 'TERM_EXPIRING' | 'VILLAGE_UNCOVERED' | (string & {})

export interface TodoKindTitle {
  kind: TodoKind
  title: string
}

export interface TodoKindCount extends TodoKindTitle {
  count: number
}

export interface TodoItem {
  kind: TodoKind
  title: string
  org: OrgRef
  township: OrgRef | null
  date: string | null
  unit: { code: string; name: string } | null
  note: string | null
}

export interface TodoSummary {
  org: OrgRef
  township: OrgRef | null
  total: number
  kinds: TodoKindCount[]
  first: TodoItem[]
}

/** Org and township are org codes; both default to the caller's scope top. */
export interface TodoFilter {
  org?: string
  kind?: string
  township?: string
}

function params(f: TodoFilter): Record<string, string> {
  const p: Record<string, string> = {}
  if (f.org) p.org = f.org
  if (f.kind) p.kind = f.kind
  if (f.township) p.township = f.township
  return p
}

export async function fetchTodoKinds(): Promise<TodoKindTitle[]> {
  const { data } = await http.get<TodoKindTitle[]>('/todos/kinds')
  return data
}

/** Silent: the page shows a refusal (a township outside the org) in place of the list. */
export async function fetchTodoSummary(f: Omit<TodoFilter, 'kind'>, first = 0): Promise<TodoSummary> {
  const { data } = await http.get<TodoSummary>('/todos/summary', { params: { ...params(f), first }, silent: true })
  return data
}

export async function fetchTodos(f: TodoFilter & PageQuery): Promise<Page<TodoItem>> {
  const { data } = await http.get<Page<TodoItem>>('/todos', {
    params: { ...params(f), page: f.page ?? 0, size: f.size ?? 50 },
    silent: true,
  })
  return data
}

/** The filtered list as a workbook: an audited download, so a POST. */
export function exportTodos(f: TodoFilter): Promise<DownloadedFile> {
  return downloadAudited('/todos/export', params(f))
}
