#!/usr/bin/env node
// `npm start`: build the app, then open it in Electron. Electron 45 downloads its runtime from GitHub the first
// time it starts; where it cannot (offline, a proxy, an old Node), Electron's own answer is a stack trace with no
// way forward. This says what happened and what to do, including the browser UI, which needs no runtime.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/** Electron's tooling (its runtime download included) declares Node ≥ 22.12; the lab itself runs on 20.19. */
const ELECTRON_NODE = [22, 12]

function nodeTooOld() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major < ELECTRON_NODE[0] || (major === ELECTRON_NODE[0] && minor < ELECTRON_NODE[1])
}

/** What to tell the user when Electron cannot be started, after `reason` (one line, no stack). */
export function noRuntimeMessage(reason) {
  return [
    '',
    `Drain Lab could not start Electron: ${reason}`,
    '',
    'What to do:',
    '  - Electron downloads its runtime (about 100 MB, from GitHub) on the first start: run `npm start` again',
    '    where it can reach github.com (behind a proxy: set HTTPS_PROXY; a mirror: set ELECTRON_MIRROR).',
    ...(nodeTooOld()
      ? [`  - Electron's tooling needs Node ≥ ${ELECTRON_NODE.join('.')}; this is Node ${process.versions.node}. Upgrade Node for the desktop app.`]
      : []),
    '  - Or run the same UI in your browser, no Electron needed:',
    '      npx drainlab serve        # then open http://127.0.0.1:7357/',
    ''
  ].join('\n')
}

const requireHere = createRequire(join(root, 'package.json'))

/** The path of Electron's binary (the runtime is there: ensureRuntime ran first). */
function electronPath() {
  return requireHere('electron')
}

/** Whether the electron package in `dir` has its runtime: path.txt names a binary under dist/ that exists. */
function runtimeInstalled(dir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  const pathFile = join(dir, 'path.txt')
  return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')))
}

/** The last line of a failed download's output that is not a stack frame: "TypeError: fetch failed". */
function lastErrorLine(output, status) {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at '))
  return lines.at(-1) ?? `its installer exited with status ${status}`
}

/**
 * Downloads Electron's runtime when the package in `dir` lacks it, with the installer's output kept back
 * (a failure is a stack trace and advice that does not apply here). Returns null when the runtime is there,
 * else why it is not (one line).
 */
export function ensureRuntime(dir = dirname(requireHere.resolve('electron/package.json'))) {
  if (runtimeInstalled(dir)) return null
  process.stderr.write('Downloading Electron\'s runtime for the desktop app (about 100 MB, once)…\n')
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: root, encoding: 'utf8' })
  if (install.status === 0 && runtimeInstalled(dir)) return null
  return `its runtime is missing and could not be downloaded (${lastErrorLine(`${install.stdout}\n${install.stderr}`, install.status)})`
}

/** Starts Electron on the built app and resolves with its exit code; explains instead when it cannot start. */
export function launchElectron(args, resolvePath = electronPath) {
  let binary
  try {
    binary = resolvePath()
  } catch (e) {
    console.error(noRuntimeMessage(`its runtime is missing and could not be downloaded (${e instanceof Error ? e.message : String(e)})`))
    return Promise.resolve(1)
  }
  return new Promise((resolve) => {
    const child = spawn(binary, [root, ...args], { stdio: 'inherit', cwd: root })
    child.on('error', (e) => {
      console.error(noRuntimeMessage(e.code === 'ENOENT' ? `no Electron runtime at ${binary}` : `${binary}: ${e.message}`))
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  // the runtime first: where it cannot be had, say so before spending seconds on a build
  const missing = ensureRuntime()
  if (missing !== null) {
    console.error(noRuntimeMessage(missing))
    process.exit(1)
  }
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit', cwd: root })
  if (build.status !== 0) process.exit(build.status ?? 1)
  process.exit(await launchElectron(process.argv.slice(2)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
