// `npm start` where Electron's runtime is missing (issue 15, point 10): scripts/start-app.mjs says what happened
// and what to do, the browser UI included, instead of Electron's stack trace. The binary is faked missing with
// ELECTRON_OVERRIDE_DIST_PATH (the electron package's own override) pointing at an empty folder.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = dirname(dirname(import.meta.dirname))

/** Runs launchElectron of the start script in a child Node, as `npm start` does after its build. */
function launch(body: string, env: Record<string, string> = {}) {
  const script = `const m = await import(${JSON.stringify(join(root, 'scripts', 'start-app.mjs'))}); process.exitCode = await ${body}`
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } })
}

function expectAdvice(stderr: string) {
  expect(stderr).toContain('Drain Lab could not start Electron')
  expect(stderr).toContain('npx drainlab serve')
  expect(stderr).toContain('http://127.0.0.1:7357/')
  // a message, not a stack trace
  expect(stderr).not.toMatch(/^\s+at /m)
}

describe('npm start without an Electron runtime', () => {
  it('names the missing binary and the way forward, and exits 1', () => {
    const empty = mkdtempSync(join(tmpdir(), 'drainlab-no-electron-'))
    const run = launch('m.launchElectron([])', { ELECTRON_OVERRIDE_DIST_PATH: empty })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`no Electron runtime at ${join(empty, 'electron')}`)
    expectAdvice(run.stderr)
  })

  it('explains a failed download the same way', () => {
    const run = launch(`m.launchElectron([], () => { throw new Error('Electron failed to install correctly.') })`)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('its runtime is missing and could not be downloaded (Electron failed to install correctly.)')
    expect(run.stderr).toContain('github.com')
    expectAdvice(run.stderr)
  })

  it('keeps a failed download\'s stack trace and the installer\'s advice back, and names the error', () => {
    // a stand-in electron package whose installer fails the way @electron/get does offline
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-fake-electron-'))
    writeFileSync(join(dir, 'install.js'), "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13\\n    at async getInfo (/x/@electron/get/dist/index.js:1:1)'); process.exit(1)\n")
    const run = launch(`(() => { const why = m.ensureRuntime(${JSON.stringify(dir)}); console.error('WHY ' + why); return why === null ? 0 : 1 })()`)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('WHY its runtime is missing and could not be downloaded (TypeError: fetch failed)')
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })

  const runtimeHere = existsSync(join(root, 'node_modules', 'electron', 'path.txt'))
  it.skipIf(runtimeHere)('npm start where the download fails: the message and the way forward, before any build (skipped where the runtime is installed)', () => {
    // a mirror nobody listens on: the download fails at once, as it does offline
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'start-app.mjs')], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' }, timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('could not be downloaded (')
    expect(run.stderr).not.toContain('install-electron')
    expectAdvice(run.stderr)
    // the build was not started first
    expect(run.stdout).not.toMatch(/vite|built in/)
  })
})
