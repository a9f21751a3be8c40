import type { OrgRef } from '@/api/types'

/** The years offered in the period selector: the current year back ten years (the current year is allowed). */
export function periodOptions(now: Date = new Date(), back = 10): number[] {
  const year = now.getFullYear()
  return Array.from({ length: back + 1 }, (_, i) => year - i)
}

/** The default period: last year (the last complete one). */
export function defaultPeriod(now: Date = new Date()): number {
  return now.getFullYear() - 1
}

export function isFuturePeriod(period: number, now: Date = new Date()): boolean {
  return period > now.getFullYear()
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
