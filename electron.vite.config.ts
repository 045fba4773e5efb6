// Build of the three processes. Main also builds the `earshot` CLI (browser
// mode and, later, headless capture), which runs under plain Node.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // vader-sentiment is bundled from its ES module source (see sentiment/vader.ts); eld ships only ES modules.
      externalizeDeps: { exclude: ['vader-sentiment', 'eld'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          'sentiment-worker': resolve(__dirname, 'src/main/core/pipeline/sentiment-worker.ts'),
          'export-worker': resolve(__dirname, 'src/main/core/archive/export-worker.ts'),
          'sentiment-build': resolve(__dirname, 'src/main/core/sentiment/build-main.ts'),
          'report-worker': resolve(__dirname, 'src/main/core/reports/report-worker.ts'),
          'pg-bridge': resolve(__dirname, 'src/main/core/store/pg/bridge-worker.ts'),
          // Benchmarks run against the same bundled core (see bench/).
          'bench-ingest': resolve(__dirname, 'bench/ingest.ts'),
          'bench-query': resolve(__dirname, 'bench/query.ts'),
          'bench-export': resolve(__dirname, 'bench/export.ts'),
          'bench-import': resolve(__dirname, 'bench/import.ts'),
          'bench-reports': resolve(__dirname, 'bench/reports.ts'),
          'bench-jetstream': resolve(__dirname, 'bench/jetstream.ts'),
          'bench-sentiment': resolve(__dirname, 'bench/sentiment.ts'),
          'bench-delivery': resolve(__dirname, 'bench/delivery.ts'),
          'bench-team': resolve(__dirname, 'bench/team.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      // Loaded from disk or loopback, never over a network: one bundle is fine.
      chunkSizeWarningLimit: 1_500,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
