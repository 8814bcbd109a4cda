import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** `@shared/…` is electron/…: the pure modules the UI shares with the Node side (see tsconfig.json paths). */
export const sharedAlias = { '@shared': fileURLToPath(new URL('./electron', import.meta.url)) };

/** Test code must never reach the UI bundle (scripts/check-build.mjs checks the output as well). */
const testCode = /[\\/]node_modules[\\/](vitest|@vitest|fast-check|@playwright)[\\/]|[\\/](test-support|fuzz-support)\.ts$|\.test\.tsx?$/;
const noTestCode: Plugin = {
  name: 'no-test-code',
  apply: 'build',
  load: {
    filter: { id: testCode },
    handler(id) {
      this.error(`test code in the UI bundle: ${id}`);
    },
  },
};

// The counter UI. Built into dist/renderer, which the HTTP server serves to browsers and the
// Electron shell serves from app://pos/ — hence relative asset URLs (base './').
// No inline scripts anywhere: the CSP allows script-src 'self' only.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), noTestCode],
  resolve: { alias: sharedAlias },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inline module-preload polyfill would be an inline script; modern Chromium/Electron do not need it.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:5180' },
  },
});
