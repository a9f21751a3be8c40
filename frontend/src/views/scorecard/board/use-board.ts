import type { RulePackSummary } from '@/api/scorecard/rule-packs'
import type { OrgRef } from '@/api/types'

/** The years offered in the period selector: the current year back ten years (the current year is allowed). */
export function periodOptions(now: Date = new Date(), back = 10): number[] {
  const year = now.getFullYear()
  return Array.from({ length: back + 1 }, (_, i) => year - i)
}

/** The default period: the current year, by the clock. */
export function defaultPeriod(now: Date = new Date()): number {
  return now.getFullYear()
}

export function isFuturePeriod(period: number, now: Date = new Date()): boolean {
  return period > now.getFullYear()
}

/** A period from the URL (`?period=2024`), or null when it is missing or not a plausible year. */
export function parsePeriod(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) return null
  const year = Number(raw)
  return year >= 1949 ? year : null
}

const PACK_KEY = 'tuanwu.scorecard.pack'

function packKey(username: string | null | undefined): string {
  return username ? `${PACK_KEY}.${username}` : PACK_KEY
}

/** The pack this user chose last on this browser (localStorage), if any. */
export function rememberedPack(username: string | null | undefined): string | null {
  try {
    return globalThis.localStorage?.getItem(packKey(username)) || null
  } catch {
    return null
  }
}

export function rememberPack(username: string | null | undefined, pack: string): void {
  try {
    globalThis.localStorage?.setItem(packKey(username), pack)
  } catch {
    // not remembered: the board still opens on a sensible pack
  }
}

/**
 * The pack the board opens on: the one the URL names, else the one the user chose last (while it still
 * exists), else the pack with the most indicators (the built-in STD has one and would show little).
 */
export function choosePack(
  packs: readonly RulePackSummary[],
  fromUrl: string | null,
  remembered: string | null,
): string | null {
  if (fromUrl) return fromUrl
  if (remembered && packs.some((p) => p.id === remembered)) return remembered
  let best: RulePackSummary | null = null
  for (const p of packs) if (!best || p.indicatorCount > best.indicatorCount) best = p
  return best?.id ?? null
}

/**
 * The drill-down trail: the org chosen in the picker first, then each child drilled into.
 * Drilling into an org already on the trail cuts back to it.
 */
export function drill(trail: readonly OrgRef[], org: OrgRef): OrgRef[] {
  const at = trail.findIndex((o) => o.code === org.code)
  if (at >= 0) return trail.slice(0, at + 1)
  return [...trail, { id: org.id, code: org.code, name: org.name }]
}

/**
 * The trail once the URL names `code` (back, forward, a link): unchanged if it ends there, cut back if the
 * org is on it, one step further if it is a child of the org shown (`children`), else a new trail.
 */
export function followUrl(
  trail: readonly OrgRef[],
  code: string,
  children: readonly OrgRef[],
  known: (code: string) => OrgRef,
): OrgRef[] {
  const last = trail[trail.length - 1]
  if (last?.code === code) return [...trail]
  if (trail.some((o) => o.code === code)) return drill(trail, { id: 0, code, name: code })
  const child = children.find((c) => c.code === code)
  if (child) return drill(trail, child)
  return [known(code)]
}
