import type { Messages } from './zh-CN'

/** English messages of 工作驾驶舱; the keys of zh-CN.ts. */
const messages: Messages = {
  dashboard: {
    title: 'Dashboard',
    tiles: {
      orgs: 'Organizations',
      branches: 'Branches',
      villageCoverage: 'Village coverage',
      indicators: 'Indicators met',
    },
    tileHints: {
      orgs: 'League organizations on record (not dissolved)',
      branches: 'Branches, joint, temporary and floating branches',
      villageCoverage: 'Villages and communities with an own or joint league org ÷ all',
      indicators: 'Indicators met / indicators with a target',
    },
    byPack: 'Indicators per rule pack',
    noPacks: 'No rule packs available yet',
    worstChildren: 'Children furthest behind',
    noWorst: 'No child misses a target',
    notMetCount: '{n} not met',
    alertsTitle: 'To do',
    noAlerts: 'Nothing needs attention',
    allTodos: 'See all {n} to-dos',
    alerts: {
      termExpired: 'The term of {org} expired on {date}; hold an election',
      termExpiring: 'The term of {org} expires on {date} (within 90 days)',
      villageUncovered: '{unit} under {org} has no league organization',
    },
  },
  todos: {
    title: 'To-do list',
    all: 'All',
    kind: 'Kind',
    kindPlaceholder: 'All kinds',
    township: 'Township',
    townshipPlaceholder: 'All townships',
    export: 'Export Excel',
    fileName: 'to-do-list.xlsx',
    empty: 'Nothing needs attention',
    emptyFiltered: 'Nothing matches these filters; clear them to see all',
    clearFilters: 'Clear filters',
    countHint: 'Click to show this kind only',
    columns: {
      kind: 'Kind',
      org: 'Organization',
      township: 'Township',
      date: 'Date',
      unit: 'Village/unit',
      note: 'Note',
    },
    openOrg: 'Show {name} in the org tree',
    notes: {
      TERM_EXPIRED: 'Term ended on {date}; hold an election',
      TERM_EXPIRING: 'Term ends on {date} (within 90 days)',
      VILLAGE_UNCOVERED: '{unit} has no league organization',
    },
  },
}

export default messages
