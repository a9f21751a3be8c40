import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/index.css'
import App from './App.vue'
import { i18n } from './locales'
import { router, LOGIN, CHANGE_PASSWORD } from './router'
import { setErrorHandlers } from './api/http'
import { fetchCsrf } from './api/auth/session'
import { useSessionStore } from './store/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)

setErrorHandlers({
  notify: (message) => {
    ElMessage({ type: 'error', message, grouping: true, showClose: true })
  },
  onUnauthorized: () => {
    useSessionStore(pinia).clear()
    const current = router.currentRoute.value
    if (current.name !== LOGIN) {
      void router.push({ name: LOGIN, query: { redirect: current.fullPath } })
    }
  },
  onPasswordChangeRequired: () => {
    const session = useSessionStore(pinia)
    if (session.me) session.me = { ...session.me, mustChangePassword: true }
    if (router.currentRoute.value.name !== CHANGE_PASSWORD) {
      void router.push({ name: CHANGE_PASSWORD })
    }
  },
})

app.use(router)

// The CSRF cookie must exist before the first POST (login); failures surface later, at that call.
fetchCsrf()
  .catch(() => undefined)
  .finally(() => app.mount('#app'))
