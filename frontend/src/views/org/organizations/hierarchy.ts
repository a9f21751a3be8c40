import { ORG_KINDS, type Org, type OrgKind } from '@/api/org/organizations'
import type { Enums } from '@/api/meta/enums'
import { t } from '@/locales'

/** In the catalogue order (ORG_KINDS), whatever order the server listed them in. */
function ordered(kinds: readonly string[]): OrgKind[] {
  return ORG_KINDS.filter((k) => kinds.includes(k))
}

/**
 * The kinds an org may be under a parent of `parentKind` (null: a top of the tree), by the server's table
 * (`GET /meta/enums`: `childKinds`, `rootKinds`) — the UI keeps no rule of its own.
 */
export function kindsUnder(parentKind: string | null, enums: Pick<Enums, 'rootKinds' | 'childKinds'>): OrgKind[] {
  if (parentKind === null) return ordered(enums.rootKinds)
  return ordered(enums.childKinds[parentKind] ?? [])
}

/** What 新增下级 may offer on `org`: the server's `allowedChildKinds` (empty for a branch or a dissolved org). */
export function allowedChildKinds(org: Pick<Org, 'dissolvedOn' | 'allowedChildKinds'>): OrgKind[] {
  if (org.dissolvedOn) return []
  return ordered(org.allowedChildKinds ?? [])
}

/** Whether 新增下级 is offered on this org. */
export function canAddChild(org: Pick<Org, 'dissolvedOn' | 'allowedChildKinds'>): boolean {
  return allowedChildKinds(org).length > 0
}

/**
 * Why the caller cannot dissolve `org` now, or null when they may: said before asking for a date and a reason.
 * The server's `dissolveRefusal` (top of the caller's scope, active children, a module's veto) as it is.
 */
export function dissolveBlocker(org: Pick<Org, 'dissolvedOn' | 'dissolveRefusal'>): string | null {
  if (org.dissolveRefusal) return org.dissolveRefusal
  if (org.dissolvedOn) return t('org.dissolve.alreadyDissolved', { date: org.dissolvedOn })
  return null
}

/** Whether 恢复 is offered at all: only on a dissolved org. */
export function restoreOffered(org: Pick<Org, 'dissolvedOn'>): boolean {
  return !!org.dissolvedOn
}

/** Why a dissolved org cannot be restored now (e.g. its parent is dissolved), or null when it may. */
export function restoreBlocker(org: Pick<Org, 'dissolvedOn' | 'restoreRefusal'>): string | null {
  if (!org.dissolvedOn) return t('org.restore.notDissolved')
  return org.restoreRefusal ?? null
}
