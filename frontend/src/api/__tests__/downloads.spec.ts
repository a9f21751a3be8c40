import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios'
import { http } from '../http'
import { downloadTemplate, exportRecords } from '../exchange/files'
import { exportEvidence, exportScorecard } from '../scorecard/scorecards'
import { exportTodos } from '../scorecard/todos'

let seen: InternalAxiosRequestConfig[] = []
const original = http.defaults.adapter

beforeEach(() => {
  seen = []
  const adapter: AxiosAdapter = async (config) => {
    seen.push(config)
    return {
      data: new Blob(['x']),
      status: 200,
      statusText: 'OK',
      headers: { 'content-disposition': "attachment; filename*=UTF-8''%E5%BE%85%E5%8A%9E.xlsx" },
      config,
    }
  }
  http.defaults.adapter = adapter
})

afterEach(() => {
  http.defaults.adapter = original
})

describe('audited downloads are POSTs (a GET never writes)', () => {
  it('posts the four exports with their query parameters and reads the file name', async () => {
    await exportRecords('organizations', 'csv', 7)
    await exportScorecard({ org: 'X01', pack: 'STD', period: 2024 }, 'pdf')
    await exportEvidence({ org: 'X01', pack: 'STD', period: 2024, code: 'ORG_TERM_ON_TIME', failingOnly: true })
    const todos = await exportTodos({ org: 'X01', kind: 'TERM_EXPIRED' })

    expect(seen.map((c) => [c.method, c.url])).toEqual([
      ['post', '/exchange/organizations/export'],
      ['post', '/scorecards/export'],
      ['post', '/scorecards/evidence'],
      ['post', '/todos/export'],
    ])
    expect(seen.every((c) => c.responseType === 'blob')).toBe(true)
    expect(seen[0].params).toEqual({ format: 'csv', under: 7 })
    expect(seen[2].params).toMatchObject({ code: 'ORG_TERM_ON_TIME', failingOnly: true, format: 'xlsx' })
    expect(seen[3].params).toEqual({ org: 'X01', kind: 'TERM_EXPIRED' })
    expect(todos.filename).toBe('待办.xlsx')
  })

  it('leaves a template, which writes nothing, a GET', async () => {
    await downloadTemplate('units', 'xlsx')
    expect(seen[0].method).toBe('get')
  })
})
