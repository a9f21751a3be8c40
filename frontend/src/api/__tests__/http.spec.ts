import { beforeEach, describe, expect, it, vi } from 'vitest'
import axios, { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ApiError, installInterceptors, PASSWORD_CHANGE_REQUIRED, type ErrorHandlers } from '../http'

function problemResponse(status: number, body: unknown, config: InternalAxiosRequestConfig): AxiosResponse {
  return { status, statusText: '', data: body, headers: { 'content-type': 'application/problem+json' }, config }
}

/** An axios instance whose every call fails with the given status and body, as the real adapters do. */
function failingWith(status: number | null, body: unknown, handlers: ErrorHandlers) {
  const instance = axios.create({
    adapter: async (config) => {
      if (status === null) throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, {})
      const response = problemResponse(status, body, config)
      throw new AxiosError(
        `Request failed with status code ${status}`,
        AxiosError.ERR_BAD_REQUEST,
        config,
        {},
        response,
      )
    },
  })
  installInterceptors(instance, () => handlers)
  return instance
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof ApiError) return e
    throw new Error(`expected an ApiError, got ${String(e)}`, { cause: e })
  }
  throw new Error('expected the call to fail')
}

function mockHandlers() {
  return {
    notify: vi.fn<(message: string) => void>(),
    onUnauthorized: vi.fn<() => void>(),
    onPasswordChangeRequired: vi.fn<() => void>(),
  }
}

let handlers: ReturnType<typeof mockHandlers>

beforeEach(() => {
  handlers = mockHandlers()
})

describe('the API error interceptor', () => {
  it('turns a problem with field errors into a typed ApiError and shows its detail', async () => {
    const http = failingWith(
      409,
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: '组织编码 X01 已存在',
        code: 'org.duplicate-code',
        errors: [{ field: 'code', message: '组织编码已被使用' }],
      },
      handlers,
    )

    const e = await failure(http.post('/orgs', {}))

    expect(e.status).toBe(409)
    expect(e.code).toBe('org.duplicate-code')
    expect(e.detail).toBe('组织编码 X01 已存在')
    expect(e.fieldErrors).toEqual([{ field: 'code', message: '组织编码已被使用' }])
    expect(e.rowErrors).toEqual([])
    expect(handlers.notify).toHaveBeenCalledWith('组织编码 X01 已存在')
    expect(handlers.onUnauthorized).not.toHaveBeenCalled()
  })

  it('carries the bad rows of a 422 import and stays quiet for a silent call', async () => {
    const http = failingWith(
      422,
      {
        status: 422,
        detail: '文件中有 2 行错误，未写入任何数据',
        code: 'exchange.invalid-rows',
        errors: [
          { row: 3, column: '组织类别', value: '团小组', reason: '不是允许的组织类别' },
          { row: 5, column: '组织编码', value: '', reason: '必填' },
        ],
      },
      handlers,
    )

    const e = await failure(http.post('/exchange/organizations/import', null, { silent: true }))

    expect(e.status).toBe(422)
    expect(e.rowErrors.map((r) => r.row)).toEqual([3, 5])
    expect(e.rowErrors[0].reason).toBe('不是允许的组织类别')
    expect(e.fieldErrors).toEqual([])
    expect(handlers.notify).not.toHaveBeenCalled()
  })

  it('sends the user to the login page on 401 with the session-expired message', async () => {
    const http = failingWith(401, { status: 401, detail: 'Unauthorized', code: 'auth.unauthenticated' }, handlers)

    const e = await failure(http.get('/orgs/roots'))

    expect(e.status).toBe(401)
    expect(handlers.onUnauthorized).toHaveBeenCalledTimes(1)
    expect(handlers.notify).toHaveBeenCalledWith('会话已过期，请重新登录')
    expect(handlers.notify).toHaveBeenCalledTimes(1)
  })

  it('leaves a 401 to the caller when the call expects it (wrong password at login)', async () => {
    const http = failingWith(401, { status: 401, detail: '用户名或密码错误', code: 'auth.bad-credentials' }, handlers)

    const e = await failure(http.post('/auth/login', {}, { skipAuthRedirect: true, silent: true }))

    expect(e.detail).toBe('用户名或密码错误')
    expect(handlers.onUnauthorized).not.toHaveBeenCalled()
    expect(handlers.notify).not.toHaveBeenCalled()
  })

  it('sends the user to the password page on 403 password-change-required only', async () => {
    const forced = failingWith(403, { status: 403, detail: '请先修改密码', code: PASSWORD_CHANGE_REQUIRED }, handlers)
    await failure(forced.get('/orgs/roots'))
    expect(handlers.onPasswordChangeRequired).toHaveBeenCalledTimes(1)

    const outside = failingWith(403, { status: 403, detail: '超出管理范围', code: 'auth.outside-scope' }, handlers)
    const e = await failure(outside.get('/orgs/9'))
    expect(handlers.onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(e.code).toBe('auth.outside-scope')
    expect(handlers.notify).toHaveBeenLastCalledWith('超出管理范围')
  })

  it('reads a problem sent to a blob download', async () => {
    const blob = new Blob([JSON.stringify({ status: 404, detail: '组织不存在', code: 'org.not-found' })], {
      type: 'application/problem+json',
    })
    const http = failingWith(404, blob, handlers)

    const e = await failure(http.get('/exchange/organizations/export', { responseType: 'blob' }))

    expect(e.code).toBe('org.not-found')
    expect(e.detail).toBe('组织不存在')
  })

  it('falls back to a Chinese message when the body is not a problem or there is no answer', async () => {
    const html = failingWith(502, '<html>Bad Gateway</html>', handlers)
    const e = await failure(html.get('/orgs/roots'))
    expect(e.status).toBe(502)
    expect(e.detail).toBe('操作失败（502）')
    expect(e.code).toBeNull()

    const offline = failingWith(null, null, handlers)
    const n = await failure(offline.get('/orgs/roots'))
    expect(n.status).toBe(0)
    expect(n.detail).toBe('无法连接服务器，请检查网络后重试')
  })
})
