import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import layerImports from './eslint-rules/layer-imports.mjs'

// Layering (DEVELOPERS.md, "Layout and layering"), enforced like VS Code's code-layering rule: each layer
// lists what it may import (eslint-rules/layer-imports.mjs); anything not listed is an error.
const layerRule = (layer, why, allow, allowTypes = []) => ({ 'layering/imports': ['error', { layer, why, allow, allowTypes }] })
const SHARED = 'src-shared/**'

const layering = [
  { plugins: { layering: { rules: { imports: layerImports } } } },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      ...layerRule('src-shared', 'it runs on both sides: its own files, zod and hdr-histogram-js, and Chart.js types only',
        [SHARED, 'zod', 'hdr-histogram-js'], ['chart.js']),
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'].map((name) => ({
          name, message: 'src-shared is environment-free: no DOM, no Node globals.'
        }))]
    }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: layerRule('src-renderer', 'the UI talks to the lab only through LabApi (src-shared); no Node, no Electron, no src-main',
      ['src-renderer/**', SHARED, 'vue', 'pinia', 'naive-ui', 'chart.js', 'chartjs-plugin-zoom', 'chartjs-plugin-annotation'])
  },
  {
    // a folder of src-main without its own entry below may import nothing: adding one is a layering decision
    files: ['src-main/**/*.{ts,mjs}'],
    rules: layerRule('src-main', 'this folder has no allow-list in eslint.config.mjs yet', [])
  },
  {
    files: ['src-main/engine/**/*.{ts,mjs}'],
    rules: {
      // the engine is a pure function of (profile, variant, seed): no clock, no randomness, no I/O. node:zlib is
      // a computation (the deflate of the HDR export, metrics/hdr-encode.ts, as hdr-histogram-js did it)
      ...layerRule('src-main/engine', 'the engine does no I/O and depends on nothing above it', ['src-main/engine/**', SHARED, 'node:zlib']),
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams of engine/sim.' },
        { object: 'Date', property: 'now', message: 'Simulated time only.' },
        { object: 'performance', property: 'now', message: 'Simulated time only.' }]
    }
  },
  {
    files: ['src-main/store/**/*.{ts,mjs}'],
    rules: layerRule('src-main/store', 'the store keeps files; it knows no lab, host or Electron', ['src-main/store/**', SHARED, 'node:*', 'zod'])
  },
  {
    files: ['src-main/live/**/*.{ts,mjs}'],
    // the live engine reuses the model's formulas and recorders read-only; tsx: its worker-thread shim (cpu-worker.mjs)
    rules: layerRule('src-main/live', 'the live engine runs real threads on this host; it knows no lab, store, host or Electron',
      ['src-main/live/**', 'src-main/engine/**', SHARED, 'node:*', 'tsx'])
  },
  {
    files: ['src-main/lab/**/*.{ts,mjs}'],
    rules: layerRule('src-main/lab', 'the lab runs the engine and keeps results; it knows no host and no Electron',
      // tsx: the worker-thread shim (pool/run-job-worker.mjs); chart.js and @napi-rs/canvas: image exports
      ['src-main/lab/**', 'src-main/engine/**', 'src-main/live/**', 'src-main/store/**', SHARED, 'node:*', 'piscina', 'tsx', 'chart.js', '@napi-rs/canvas'])
  },
  {
    files: ['src-main/serve/**/*.{ts,mjs}'],
    rules: layerRule('src-main/serve', 'the browser host serves the lab over HTTP and a WebSocket; no Electron',
      ['src-main/serve/**', 'src-main/lab/**', SHARED, 'node:*', 'ws'])
  },
  {
    files: ['src-main/cli/**/*.{ts,mjs}'],
    rules: layerRule('src-main/cli', 'the command line drives the lab, the store and the browser host; no Electron',
      ['src-main/cli/**', 'src-main/lab/**', 'src-main/store/**', 'src-main/serve/**', 'src-main/engine/**', SHARED, 'node:*', 'commander'])
  },
  {
    files: ['src-main/app/**/*.{ts,mjs}'],
    rules: layerRule('src-main/app', 'the Electron host: the only main-process folder that imports electron',
      // src-main/live/cpu-worker: only as a ?modulePath entry, the live engine's worker bundled for the app
      ['src-main/app/**', 'src-main/lab/**', 'src-main/live/cpu-worker', 'src-main/store/**', SHARED, 'node:*', 'electron', 'zod'])
  },
  {
    files: ['src-main/preload/**/*.{ts,mjs}'],
    rules: layerRule('src-main/preload', 'the sandboxed preload bundles only electron, the IPC vocabulary and src-shared',
      ['src-main/preload/**', 'src-main/app/ipc-channels', SHARED, 'electron'])
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist-pkg/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } }
  },
  { files: ['src-renderer/**', 'tests/e2e/**'], languageOptions: { globals: globals.browser } },
  { files: ['src-main/**', 'scripts/**', 'bin/**', 'tests/**', 'eslint-rules/**', '*.config.*'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  ...layering
)
