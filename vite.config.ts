import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The counter UI. Built into dist/renderer, which the HTTP server serves to browsers and the
// Electron shell serves from app://pos/ — hence relative asset URLs (base './').
// No inline scripts anywhere: the CSP allows script-src 'self' only.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inline module-preload polyfill would be an inline script; modern Chromium/Electron do not need it.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    // The server answers only its own Host and Origin: the dev proxy speaks for the page as itself.
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:5180',
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
      },
    },
  },
});
