import type { Messages } from './zh-CN'

/** English messages of the sign-in and password pages; the keys of zh-CN.ts. */
const messages: Messages = {
  auth: {
    title: 'Sign in',
    welcome: 'Welcome to Tuanwu',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    wrongPassword: 'Wrong username or password',
    locked: 'The account is locked; ask the security administrator to unlock it',
    throttled: 'Too many failed sign-ins from this network address; sign-in is paused, try again later',
    logout: 'Sign out',
    logoutConfirm: 'Do you want to sign out?',
    loggedOut: 'Signed out',
  },
  password: {
    title: 'Change password',
    intro: 'After the first sign-in or a password reset you must set a new password before going on.',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    submit: 'Change password',
    policyTitle: 'Password rules',
    rules: {
      length: '8 to 64 characters',
      bytes: 'At most 72 bytes in UTF-8 (a Chinese character takes 3: at most 24 of them)',
      classes: 'At least three of: upper-case letters, lower-case letters, digits, symbols',
      notUsername: 'Must not contain the username (in any case, nor backwards)',
      notRecent: 'Not one of your last 5 passwords',
    },
    currentRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    confirmRequired: 'Enter the new password again',
    mismatch: 'The two new passwords differ',
    sameAsCurrent: 'The new password must differ from the current one',
    changed: 'Password changed',
  },
}

export default messages
