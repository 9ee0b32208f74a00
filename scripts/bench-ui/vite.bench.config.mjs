// Builds the chart and timeline benchmark pages into bench-results/ui-page (the same Vite and TypeScript handling as the renderer).
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = resolve(import.meta.dirname, '../..')
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'src-shared') } },
  build: {
    outDir: resolve(root, 'bench-results/ui-page'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve(import.meta.dirname, 'chart-bench.html'), timeline: resolve(import.meta.dirname, 'timeline-bench.html') } }
  }
})
