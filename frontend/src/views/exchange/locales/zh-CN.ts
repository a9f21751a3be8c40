/** Chinese (default) messages of import, export and templates; en-US.ts holds the same keys (locales/__tests__). */
const messages = {
  exchange: {
    menu: {
      group: '数据交换',
      import: '导入',
      export: '导出',
      templates: '模板下载',
    },
    types: {
      organizations: '团组织',
      units: '单位台账',
    },
    import: {
      title: '数据导入',
      steps: {
        type: '选择类型',
        template: '下载模板',
        upload: '上传校验',
        result: '导入结果',
      },
      chooseType: '选择要导入的数据类型',
      templateHint: '请使用最新模板填写数据。表头可用中文或英文键名，列顺序不限；日期格式为 2024-05-04。',
      uploadHint: '将文件拖到此处，或点击选择文件',
      uploadTip: '支持 .xlsx 和 .csv（UTF-8）文件。导入为整体校验：任何一行有误，则全部不写入。',
      selected: '已选择：{name}',
      start: '开始校验并导入',
      uploading: '正在上传并校验…',
      wrongType: '只支持 .xlsx 或 .csv 文件',
      noFile: '请先选择文件',
      failedTitle: '校验未通过，共 {n} 处错误',
      nothingWritten: '本次导入没有写入任何数据。请按下表修改文件后重新上传。',
      downloadAnnotated: '下载错误标注文件',
      annotatedHint: '标注文件在第一列“错误说明”中写明了每一行的错误。',
      annotatedName: '{name}-错误标注.xlsx',
      reupload: '重新上传',
      successTitle: '导入成功',
      summary: '共处理 {rows} 行：新增 {created} 条，更新 {updated} 条。',
      goToRecords: '查看{name}',
      again: '继续导入',
      next: '下一步',
      prev: '上一步',
      columns: {
        row: '行号',
        column: '列',
        value: '值',
        reason: '错误原因',
      },
    },
    export: {
      title: '数据导出',
      type: '数据类型',
      under: '导出的组织',
      underHint: '导出该组织及其全部下级；不选择时导出您管理范围内的全部数据',
      format: '文件格式',
      submit: '导出',
    },
    templates: {
      title: '模板下载',
      intro: '各类数据的导入模板，含示例行和可选值。',
      columnType: '数据类型',
      columnDesc: '说明',
      orgDesc: '团组织：编码、名称、上级编码、类别、领域、成立与换届日期、届期等',
      unitDesc: '单位台账：单位编码、名称、类型、属地团组织、所建团组织、规模与建团条件、学校与青年社团信息',
    },
  },
}

export type Messages = typeof messages
export default messages
