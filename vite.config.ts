import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.ORCHID_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

// The web app lives in src/web; the server serves the built files from dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Libraries and translations change less often than the screens: their chunks stay cached.
      output: {
        codeSplitting: {
          groups: [
            // The calendar (and the Svelte runtime it is built on) loads only with the calendar screen.
            { name: 'calendar-vendor', test: /[\\/]node_modules[\\/](@event-calendar|svelte|esm-env)[\\/]/, priority: 20 },
            // ECharts (progress charts) loads only with a chart on screen.
            { name: 'charts-vendor', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
            { name: 'locales', test: /[\\/]src[\\/]web[\\/]i18n[\\/][^\\/]+\.json$/ },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
