import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import enUS from './en-US'

export type Lang = 'zh-CN' | 'en-US'
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US']
export const LANG_STORAGE_KEY = 'tuanwu.lang'

export function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY)
    return v === 'en-US' ? 'en-US' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const messages: Record<Lang, MessageSchema> = { 'zh-CN': zhCN, 'en-US': enUS }

export const i18n = createI18n({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: 'zh-CN',
  messages,
})

/** Translate outside components (interceptors, stores, column and rule factories). */
export function t(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key)
}

/** Translate if the key exists, otherwise return the fallback (server codes we have no label for). */
export function tOr(key: string, fallback: string): string {
  return i18n.global.te(key) ? i18n.global.t(key) : fallback
}
