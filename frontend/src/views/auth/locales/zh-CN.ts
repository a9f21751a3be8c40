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
    throttled: '此网络地址登录失败次数过多，已暂停登录，请稍后再试',
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
      length: '长度 8–64 个字符',
      bytes: '按 UTF-8 编码不超过 72 字节（一个汉字占 3 字节，全用汉字最多 24 个）',
      classes: '大写字母、小写字母、数字、符号四类中至少包含三类',
      notUsername: '不能包含用户名（不区分大小写，倒写也不行）',
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
