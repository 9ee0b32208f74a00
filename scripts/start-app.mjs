#!/usr/bin/env node
// `npm start`: build the app, then open it in Electron. Electron 45 downloads its runtime from GitHub the first
// time it starts; where it cannot (offline, a proxy, an old Node), Electron's own answer is a stack trace with no
// way forward. This says what happened and what to do, including the browser UI, which needs no runtime.
import { spawn, spawnSync } from 'node:child_process'
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

/** The path of Electron's binary; loading the `electron` package downloads the runtime when it is missing. */
function electronPath() {
  return createRequire(join(root, 'package.json'))('electron')
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
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit', cwd: root })
  if (build.status !== 0) process.exit(build.status ?? 1)
  process.exit(await launchElectron(process.argv.slice(2)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
