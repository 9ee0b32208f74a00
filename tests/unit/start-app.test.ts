// `npm start` where Electron's runtime is missing (issue 15, point 10): scripts/start-app.mjs says what happened
// and what to do, the browser UI included, instead of Electron's stack trace. The binary is faked missing with
// ELECTRON_OVERRIDE_DIST_PATH (the electron package's own override) pointing at an empty folder.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
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
})
