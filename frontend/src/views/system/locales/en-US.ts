import type { Messages } from './zh-CN'

/** English messages of 用户与权限 and 审计日志; the keys of zh-CN.ts. */
const messages: Messages = {
  system: {
    menu: {
      group: 'System',
      users: 'Users & roles',
      audit: 'Audit log',
    },
  },
  users: {
    title: 'Users & roles',
    searchPlaceholder: 'Search by username or name',
    create: 'New user',
    columns: {
      username: 'Username',
      displayName: 'Name',
      roles: 'Roles',
      scope: 'Scope',
      status: 'Status',
      lastLoginAt: 'Last sign-in',
    },
    status: {
      enabled: 'Active',
      disabled: 'Disabled',
      locked: 'Locked',
      mustChangePassword: 'Must change password',
    },
    roles: {
      SYSTEM_ADMIN: 'System administrator',
      SECURITY_ADMIN: 'Security administrator',
      AUDIT_ADMIN: 'Audit administrator',
      ORG_ADMIN: 'Organization administrator',
      PARTY_REVIEWER: 'Party reviewer',
    },
    form: {
      createTitle: 'New user',
      editTitle: 'Edit user: {name}',
      username: 'Username',
      displayName: 'Name',
      roles: 'Roles',
      scope: 'Scope',
      scopeHint: 'Empty means all organizations (platform administrators only)',
      enabled: 'Enabled',
    },
    rules: {
      usernameRequired: 'Enter the username',
      usernameFormat: '3–32 letters, digits, dots, hyphens or underscores',
      displayNameRequired: 'Enter the name',
      rolesRequired: 'Choose at least one role',
    },
    actions: {
      edit: 'Edit',
      resetPassword: 'Reset password',
      unlock: 'Unlock',
    },
    oneTimePassword: {
      title: 'One-time password',
      intro:
        'The one-time password of "{name}" is below. It is shown only this once: copy it now and pass it on securely; it must be changed at first sign-in.',
      shownOnce: 'It cannot be shown again after you close this',
    },
    confirmReset: 'Reset the password of "{name}"? The old password stops working at once.',
    confirmUnlock: 'Unlock "{name}"?',
    messages: {
      created: 'User created',
      updated: 'Changes saved',
      unlocked: 'Unlocked',
      refused: 'The server refused this',
    },
  },
  audit: {
    title: 'Audit log',
    filters: {
      username: 'User',
      action: 'Action',
      org: 'Organization',
      dateRange: 'Date',
    },
    columns: {
      at: 'Time',
      username: 'User',
      action: 'Action',
      org: 'Organization',
      target: 'Target',
      summary: 'Summary',
      ip: 'IP address',
    },
    changes: {
      title: 'Changes',
      field: 'Field',
      before: 'Before',
      after: 'After',
      none: 'No field changes recorded for this event',
    },
    verify: 'Verify log integrity',
    verifyValid: 'The log is intact: {n} records checked, no tampering found.',
    verifyBroken: 'The log is broken: {n} records checked, first bad record id {id}.',
    actions: {
      LOGIN_SUCCESS: 'Signed in',
      LOGIN_FAILURE: 'Sign-in failed',
      LOGOUT: 'Signed out',
      PASSWORD_CHANGED: 'Password changed',
      PASSWORD_RESET: 'Password reset',
      USER_CREATED: 'User created',
      USER_UPDATED: 'User updated',
      USER_UNLOCKED: 'User unlocked',
      USER_LOCKED: 'User locked',
      ORG_CREATED: 'Org created',
      ORG_UPDATED: 'Org updated',
      ORG_MOVED: 'Org moved',
      ORG_DISSOLVED: 'Org dissolved',
      IMPORT: 'Import',
      EXPORT: 'Export',
      AUDIT_VERIFIED: 'Audit log verified',
    },
  },
}

export default messages
