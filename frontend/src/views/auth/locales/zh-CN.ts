/** Chinese (default) messages of the sign-in and password pages; en-US.ts holds the same keys (locales/__tests__). */
const messages = {
  auth: {
    title: '登录',
    welcome: '欢迎使用团务通',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    wrongPassword: '用户名或密码错误',
    locked: '账号已被锁定，请联系安全管理员解锁',
    logout: '退出登录',
    logoutConfirm: '确定要退出登录吗？',
    loggedOut: '已退出登录',
  },
  password: {
    title: '修改密码',
    intro: '首次登录或密码被重置后，须先设置新密码才能继续使用。',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    submit: '修改密码',
    policyTitle: '密码要求',
    rules: {
      length: '至少 8 个字符',
      classes: '大写字母、小写字母、数字、符号四类中至少包含三类',
      notUsername: '不能与用户名相同',
      notRecent: '不能与最近 5 次使用过的密码相同',
    },
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    sameAsCurrent: '新密码不能与当前密码相同',
    changed: '密码已修改',
  },
}

export type Messages = typeof messages
export default messages
