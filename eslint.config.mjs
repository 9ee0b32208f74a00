import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import { builtinModules } from 'node:module'

// Layering (architecture.md, "Rules of the house"), enforced like VS Code's code-layering rule.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const noMain = { group: ['**/src-main/**', '@main/**'], message: 'src-main is the lab; only its own hosts import it.' }
const noRenderer = { group: ['**/src-renderer/**'], message: 'src-renderer is the UI; nothing imports it.' }
const noElectron = { name: 'electron', message: 'Only src-main/app (and the preload) import electron.' }

const layering = [
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src-shared runs in the browser too: no Node built-ins.' }))],
        patterns: [noMain, noRenderer]
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'].map((name) => ({
          name, message: 'src-shared is environment-free: no DOM, no Node globals.'
        }))]
    }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer talks to the lab only through LabApi.' }))],
        patterns: [noMain]
      }]
    }
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRenderer] }]
    }
  },
  {
    files: ['src-main/engine/**/*.ts'],
    rules: {
      // the engine is a pure function of (profile, variant, seed): no clock, no randomness, no I/O
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The engine does no I/O.' }))],
        patterns: [noRenderer, { group: ['**/lab/**', '**/store/**', '**/app/**', '**/serve/**', '**/cli/**'], message: 'The engine depends on nothing above it.' }]
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams of engine/sim.' },
        { object: 'Date', property: 'now', message: 'Simulated time only.' },
        { object: 'performance', property: 'now', message: 'Simulated time only.' }]
    }
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
  { files: ['src-main/**', 'scripts/**', 'bin/**', 'tests/**', '*.config.*'], languageOptions: { globals: globals.node } },
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
