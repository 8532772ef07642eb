import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/**
 * The dev server (5173) and `vite preview` pass `/api` (and the gateway's API docs) to the gateway, so the app calls
 * the same relative paths as when the gateway serves it. `HNSW_GATEWAY_URL` points them elsewhere.
 */
const gateway = process.env.HNSW_GATEWAY_URL ?? 'http://localhost:8080'
const proxy = {
  '/api': { target: gateway, changeOrigin: false },
  '/swagger-ui.html': { target: gateway },
  '/swagger-ui': { target: gateway },
  '/v3/api-docs': { target: gateway },
}

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  preview: {
    port: 8080,
    strictPort: true,
    // Preview on 8080 stands in for the gateway, so it proxies only when told where the gateway really is
    // (left undefined, Vite would reuse server.proxy and send /api back to itself).
    proxy: process.env.HNSW_GATEWAY_URL ? proxy : {},
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    restoreMocks: true,
  },
})
