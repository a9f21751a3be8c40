/** Chinese (default) messages of 工作驾驶舱; en-US.ts holds the same keys (locales/__tests__). */
const messages = {
  dashboard: {
    title: '工作驾驶舱',
    tiles: {
      orgs: '团组织',
      branches: '团支部',
      villageCoverage: '村(社区)团组织覆盖率',
      indicators: '指标达标',
    },
    tileHints: {
      orgs: '在册团组织数（不含已撤销）',
      branches: '团支部、联合/临时/流动团员团支部',
      villageCoverage: '已建(或联建)团组织的村(社区) ÷ 全部村(社区)',
      indicators: '达标指标数 / 有目标的指标数',
    },
    byPack: '各规则包指标达标情况',
    noPacks: '还没有可用的规则包',
    worstChildren: '差距最大的下级组织',
    noWorst: '没有未达标的下级组织',
    notMetCount: '未达标 {n} 项',
    alertsTitle: '待办提醒',
    noAlerts: '当前没有需要处理的提醒',
    allTodos: '查看全部 {n} 条待办',
    alerts: {
      termExpired: '{org} 届期已于 {date} 届满，请尽快换届',
      termExpiring: '{org} 届期将于 {date} 届满（90 天内）',
      villageUncovered: '{org} 辖区的 {unit} 尚未建立团组织',
    },
  },
  todos: {
    title: '待办提醒',
    all: '全部',
    kind: '类别',
    kindPlaceholder: '全部类别',
    township: '乡镇(街道)',
    townshipPlaceholder: '全部乡镇(街道)',
    export: '导出 Excel',
    fileName: '待办提醒.xlsx',
    empty: '没有需要处理的待办',
    emptyFiltered: '该筛选条件下没有待办，可清除筛选查看全部',
    clearFilters: '清除筛选',
    countHint: '点击只看这一类',
    columns: {
      kind: '类别',
      org: '团组织',
      township: '乡镇(街道)',
      date: '日期',
      unit: '村(社区)/单位',
      note: '说明',
    },
    openOrg: '在组织树中查看 {name}',
    notes: {
      TERM_EXPIRED: '届期已于 {date} 届满，请尽快换届',
      TERM_EXPIRING: '届期将于 {date} 届满（90 天内）',
      VILLAGE_UNCOVERED: '{unit} 尚未建立团组织',
    },
  },
}

export type Messages = typeof messages
export default messages
