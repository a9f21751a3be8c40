import type { Unit } from '@/api/org/units'
import { t } from '@/locales'

/** The flags shown in the list for a unit (only those that are set to 是). */
export function unitFlags(u: Unit): string[] {
  const flags: string[] = []
  if (u.aboveScale) flags.push(t('units.flags.aboveScale'))
  if (u.meetsConditions) flags.push(t('units.flags.meetsConditions'))
  if (u.hasPartyOrg) flags.push(t('units.flags.hasPartyOrg'))
  if (u.standalone) flags.push(t('units.flags.standalone'))
  if (u.hasLeagueSchool) flags.push(t('units.flags.hasLeagueSchool'))
  if (u.ledDirectly) flags.push(t('units.flags.ledDirectly'))
  if (u.students !== null && u.students !== undefined)
    flags.push(t('units.flags.students', { n: u.students.toLocaleString('en-US') }))
  if (u.linkedOn) flags.push(t('units.flags.linkedOn', { date: u.linkedOn }))
  return flags
}
