import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'
import { describeLoginFailure } from '../failure'

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('a refused login is said by its cause', () => {
  it('401 is a wrong username or password, without the server’s words', () => {
    const f = describeLoginFailure(new ApiError(401, { code: 'auth.bad-credentials', detail: 'x' }, 'x'))
    expect(f).toEqual({ kind: 'credentials', title: '用户名或密码错误', detail: '' })
  })

  it('423 is a locked account, with the server’s detail of when the lock ends', () => {
    const f = describeLoginFailure(new ApiError(423, { code: 'auth.locked', detail: '账号已锁定至 10:30' }, 'x'))
    expect(f.kind).toBe('locked')
    expect(f.detail).toBe('账号已锁定至 10:30')
  })

  it('429 is this address trying too often, apart from 401 and 423, with the server’s minutes', () => {
    const detail = '该地址登录失败次数过多，请 15 分钟后再试'
    const f = describeLoginFailure(new ApiError(429, { code: 'auth.throttled', detail }, 'x'))
    expect(f.kind).toBe('throttled')
    expect(f.title).toBe('此网络地址登录失败次数过多，已暂停登录，请稍后再试')
    expect(f.detail).toBe(detail)
    i18n.global.locale.value = 'en-US'
    expect(describeLoginFailure(new ApiError(429, { detail }, 'x')).title).toContain('Too many failed sign-ins')
  })

  it('anything else shows the server’s detail; no answer says the network', () => {
    expect(describeLoginFailure(new ApiError(500, { detail: '服务器错误' }, 'x')).title).toBe('服务器错误')
    expect(describeLoginFailure(new Error('x')).title).toBe('无法连接服务器，请检查网络后重试')
  })
})
