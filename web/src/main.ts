import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { loadConfig, setConfig } from './config/runtimeConfig'
import { createUserManager, SILENT_CALLBACK_PATH } from './auth/oidc'
import { i18n, currentLocale } from './i18n'
import { createAppRouter } from './router'
import { useAuthStore } from './stores/auth'

async function start() {
  const config = await loadConfig()
  setConfig(config)
  const manager = createUserManager(config)

  // The hidden iframe of a silent renew (when no refresh token is at hand) only hands the answer to its parent.
  if (window.location.pathname === SILENT_CALLBACK_PATH) {
    await manager.signinCallback()
    return
  }

  document.documentElement.lang = currentLocale()
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  app.use(ElementPlus)
  await useAuthStore().restore()
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((error) => {
  console.error('The app could not start', error)
  const root = document.getElementById('app')
  if (root) {
    root.textContent = '平台启动失败，请刷新页面重试。The platform could not start; please reload the page.'
  }
})
