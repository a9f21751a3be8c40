import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { i18n, LANG_STORAGE_KEY, storedLang, type Lang } from '@/locales'

function applyLang(lang: Lang): void {
  i18n.global.locale.value = lang
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en')
  document.documentElement.lang = lang
}

/** The UI language, remembered in localStorage; Element Plus follows it. */
export const useLocaleStore = defineStore('locale', () => {
  const lang = ref<Lang>(storedLang())
  applyLang(lang.value)

  const elementLocale = computed(() => (lang.value === 'zh-CN' ? zhCn : en))

  function setLang(next: Lang): void {
    lang.value = next
    applyLang(next)
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next)
    } catch {
      // not remembered, still switched
    }
  }

  return { lang, elementLocale, setLang }
})
