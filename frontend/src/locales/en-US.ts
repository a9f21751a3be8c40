import type { Messages } from './zh-CN'

/** English messages of the platform; the keys of zh-CN.ts. */
const messages: Messages = {
  app: {
    name: 'Tuanwu',
    subtitle: 'Youth League grassroots work platform',
  },
  common: {
    ok: 'OK',
    cancel: 'Cancel',
    confirm: 'Confirm',
    save: 'Save',
    search: 'Search',
    query: 'Search',
    reset: 'Reset',
    yes: 'Yes',
    no: 'No',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    copyFailed: 'Copy failed; please select and copy it by hand',
    actions: 'Actions',
    edit: 'Edit',
    create: 'New',
    refresh: 'Refresh',
    download: 'Download',
    none: 'None',
    empty: 'No data',
    hint: 'Notice',
    warning: 'Warning',
    dateSeparator: 'to',
    startDate: 'Start date',
    endDate: 'End date',
    total: '{n} in total',
  },
  error: {
    network: 'Cannot reach the server; check the network and try again',
    sessionExpired: 'Your session has expired; please sign in again',
    passwordChangeRequired: 'Please change your initial password first',
    forbidden: 'You are not allowed to do this',
    unknown: 'The operation failed ({status})',
    tooLarge: 'The file is too large to upload',
  },
  lang: {
    label: 'Language',
    zhCN: '中文',
    enUS: 'English',
  },
  layout: {
    scope: 'Scope',
    allOrgs: 'All organizations',
    currentOrg: 'Current org',
    scopeOf: 'Scope: {name}',
    currentOrgOf: 'Current org: {name}',
    userMenu: 'User menu',
    changePassword: 'Change password',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to the dashboard',
  },
}

export default messages
