/**
 * Chinese (default) messages of the platform: the app, common words, errors, the layout. Each module
 * keeps its own in `views/<module>/locales/`; `index.ts` collects them (see __tests__/locales.spec.ts).
 */
const messages = {
  app: {
    name: '团务通',
    subtitle: '共青团基层工作平台',
  },
  common: {
    ok: '确定',
    cancel: '取消',
    confirm: '确认',
    save: '保存',
    search: '搜索',
    query: '查询',
    reset: '重置',
    yes: '是',
    no: '否',
    close: '关闭',
    copy: '复制',
    copied: '已复制到剪贴板',
    copyFailed: '复制失败，请手动选择并复制',
    actions: '操作',
    edit: '编辑',
    create: '新增',
    refresh: '刷新',
    download: '下载',
    none: '无',
    empty: '暂无数据',
    hint: '提示',
    warning: '警告',
    dateSeparator: '至',
    startDate: '开始日期',
    endDate: '结束日期',
    total: '共 {n} 条',
    discardTitle: '放弃已填写的内容？',
    discardMessage: '已填写的内容还没有保存，关闭后将会丢失。',
    discard: '放弃',
    keepEditing: '继续填写',
  },
  error: {
    network: '无法连接服务器，请检查网络后重试',
    sessionExpired: '会话已过期，请重新登录',
    passwordChangeRequired: '请先修改初始密码',
    forbidden: '没有权限执行此操作',
    unknown: '操作失败（{status}）',
    tooLarge: '文件过大，无法上传',
  },
  download: {
    preparing: '正在准备 {name}，请稍候…',
    started: '已开始下载 {name}',
    templateName: '{type}导入模板.{ext}',
  },
  lang: {
    label: '语言',
    zhCN: '中文',
    enUS: 'English',
  },
  layout: {
    scope: '管理范围',
    allOrgs: '全部组织',
    currentOrg: '当前组织',
    scopeOf: '管理范围：{name}',
    currentOrgOf: '当前组织：{name}',
    backToScope: '返回全部',
    backToScopeHint: '不再限定当前组织，回到您的管理范围（{name}）',
    dissolved: '已撤销',
    userMenu: '用户菜单',
    changePassword: '修改密码',
  },
  notFound: {
    title: '页面不存在',
    back: '返回工作驾驶舱',
  },
}

export type Messages = typeof messages
export default messages
