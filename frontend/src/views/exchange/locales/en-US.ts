import type { Messages } from './zh-CN'

/** English messages of import, export and templates; the keys of zh-CN.ts. */
const messages: Messages = {
  exchange: {
    menu: {
      group: 'Data exchange',
      import: 'Import',
      export: 'Export',
      templates: 'Templates',
    },
    types: {
      organizations: 'League organizations',
      units: 'Units register',
    },
    import: {
      title: 'Import',
      steps: {
        type: 'Choose type',
        template: 'Template',
        upload: 'Upload & check',
        result: 'Result',
      },
      chooseType: 'Choose what to import',
      templateHint:
        'Fill in the latest template. Headers may be Chinese or English keys in any order; dates look like 2024-05-04.',
      uploadHint: 'Drop the file here, or click to choose one',
      uploadTip:
        '.xlsx and .csv (UTF-8) files. The file is checked as a whole: if any row is wrong, nothing is written.',
      selected: 'Selected: {name}',
      start: 'Check and import',
      uploading: 'Uploading and checking…',
      wrongType: 'Only .xlsx or .csv files',
      noFile: 'Choose a file first',
      failedTitle: 'The check failed with {n} errors',
      nothingWritten: 'Nothing was written. Correct the file as listed below and upload it again.',
      downloadAnnotated: 'Download annotated file',
      annotatedHint: 'The annotated file names each row\'s errors in a first column "错误说明".',
      annotatedName: '{name}-errors.xlsx',
      reupload: 'Upload again',
      successTitle: 'Imported',
      summary: '{rows} rows processed: {created} created, {updated} updated.',
      goToRecords: 'Open {name}',
      again: 'Import another file',
      next: 'Next',
      prev: 'Back',
      columns: {
        row: 'Row',
        column: 'Column',
        value: 'Value',
        reason: 'Reason',
      },
    },
    export: {
      title: 'Export',
      type: 'Type',
      under: 'Organization',
      underHint: 'Exports the organization and all below it; leave empty to export everything in your scope',
      format: 'Format',
      submit: 'Export',
    },
    templates: {
      title: 'Templates',
      intro: 'Import templates with a sample row and the allowed values.',
      columnType: 'Type',
      columnDesc: 'Description',
      orgDesc: 'Organizations: code, name, parent code, kind, sector, founding and election dates, term…',
      unitDesc:
        'Units: code, name, type, responsible org, league org, scale and conditions, school and youth-society details',
    },
  },
}

export default messages
