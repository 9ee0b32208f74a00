import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src-shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/component/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    // every test that starts bin/drainlab.mjs tests the TypeScript sources, never a possibly stale out/cli
    // (tests/cli/built-cli.test.ts builds out/cli itself and clears this for its own runs)
    env: { DRAINLAB_FROM_SOURCES: '1' },
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
