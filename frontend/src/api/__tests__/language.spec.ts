import { afterEach, describe, expect, it } from 'vitest'
import axios, { type InternalAxiosRequestConfig } from 'axios'
import { i18n } from '@/locales'
import { acceptLanguage, createHttp, installLanguageHeader } from '../http'

/** An axios instance that answers every call with the headers it would have sent. */
function echoing() {
  const sent: InternalAxiosRequestConfig[] = []
  const instance = axios.create({
    adapter: async (config) => {
      sent.push(config)
      return { status: 200, statusText: 'OK', data: {}, headers: {}, config }
    },
  })
  return { instance, sent }
}

describe('Accept-Language', () => {
  const initial = i18n.global.locale.value

  afterEach(() => {
    i18n.global.locale.value = initial
  })

  it('names English for the English UI and Chinese otherwise', () => {
    expect(acceptLanguage('en-US')).toMatch(/^en-US/)
    expect(acceptLanguage('zh-CN')).toMatch(/^zh-CN/)
  })

  it('sends the UI language of the moment with every request', async () => {
    let lang: 'zh-CN' | 'en-US' = 'zh-CN'
    const { instance, sent } = echoing()
    installLanguageHeader(instance, () => lang)
    await instance.get('/a')
    lang = 'en-US'
    await instance.post('/b', {})
    expect(sent.map((c) => c.headers.get('Accept-Language'))).toEqual(['zh-CN,zh;q=0.9', 'en-US,en;q=0.9'])
  })

  it('follows the i18n locale that the locale store switches, in the app instance', async () => {
    const http = createHttp()
    const sent: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = async (config) => {
      sent.push(config)
      return { status: 200, statusText: 'OK', data: {}, headers: {}, config }
    }
    i18n.global.locale.value = 'en-US'
    await http.get('/me')
    i18n.global.locale.value = 'zh-CN'
    await http.get('/me')
    expect(sent.map((c) => c.headers.get('Accept-Language'))).toEqual(['en-US,en;q=0.9', 'zh-CN,zh;q=0.9'])
  })
})
