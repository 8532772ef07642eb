import { config } from '@/config/runtimeConfig'
import { currentLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { createApiClient } from './client'

export { ApiError, describeError, fieldMessages, problemMessage } from './problem'

/** The app's API client: paths are relative to `apiBase` (e.g. `/customs/v1/...` → `/api/customs/v1/...`). */
export const api = createApiClient({
  baseUrl: () => config().apiBase,
  token: () => useAuthStore().accessToken(),
  renew: () => useAuthStore().renew(),
  locale: () => currentLocale(),
})
