// The drainlab command, its pool worker and the live engine's CPU worker as plain JavaScript in out/cli (npm run build, and `prepare` at
// npm install): Node then starts them without compiling TypeScript through tsx. bin/drainlab.mjs runs this
// build unless it is missing or older than a source it was built from (out/cli/sources.json lists them).
import { relative, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const root = import.meta.dirname

/**
 * Writes sources.json: when the build started reading (ms since the epoch) and every project file in the bundles,
 * so bin/drainlab.mjs can tell a stale build (a file saved after that instant, even during the build).
 */
function sourceList(): Plugin {
  let startedAtMs = 0
  return {
    name: 'drainlab-cli-source-list',
    buildStart() {
      startedAtMs = Date.now()
    },
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && !id.includes('/node_modules/') && id.startsWith(root))
        .map((id) => relative(root, id))
        .sort()
      this.emitFile({ type: 'asset', fileName: 'sources.json', source: `${JSON.stringify({ startedAtMs, files }, null, 1)}\n` })
    }
  }
}

export default defineConfig({
  root,
  // no public/ folder and no .env files: this is a Node program, not a page
  publicDir: false,
  envDir: false,
  plugins: [sourceList()],
  // zod and commander are many small ES modules: bundled, Node resolves and compiles a few chunks instead
  // (measured: ~0.2 s less CPU for a one-job `drainlab run` on this 2-CPU machine). The other packages stay
  // imports: piscina starts workers from its own files, @napi-rs/canvas and hdr-histogram-js are CommonJS.
  ssr: { noExternal: ['zod', 'commander'] },
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    // SSR mode: a Node target; packages stay imports of their own except those in ssr.noExternal
    ssr: true,
    target: 'node20.19',
    minify: false,
    rolldownOptions: {
      input: {
        main: resolve(root, 'src-main/cli/main.ts'),
        'run-job-worker': resolve(root, 'src-main/lab/pool/run-job-worker.ts'),
        'live-cpu-worker': resolve(root, 'src-main/live/cpu-worker.ts')
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
    }
  }
})
