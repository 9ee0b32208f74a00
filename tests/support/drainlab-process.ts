// bin/drainlab.mjs as a real process, for the scale-out tests: exit code and output, the history kept in a
// data folder of the test's own (XDG_DATA_HOME under cwd), never the real one.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export const DRAINLAB_BIN = join(import.meta.dirname, '..', '..', 'bin', 'drainlab.mjs')

export interface DrainlabResult { code: number | null; stdout: string; stderr: string }

/** `env` replaces the test process's environment (XDG_DATA_HOME is set on top of it either way). */
export function drainlab(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<DrainlabResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DRAINLAB_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, XDG_DATA_HOME: join(cwd, 'xdg') } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t })
    child.stderr.setEncoding('utf8').on('data', (t: string) => { stderr += t })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
