// The layering rules of architecture.md, proven on fixtures: the project's own ESLint config must
// reject each forbidden import and accept a clean file. The fixtures are text, linted as if they
// lived at the given path, so no violating file ever sits in the tree.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot })
})

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, filePath) })
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message, severity: m.severity }))
}

async function layeringErrors(filePath: string, code: string) {
  return (await lint(filePath, code)).filter((m) => m.severity === 2 && (m.rule === 'no-restricted-imports' || m.rule === 'no-restricted-globals' || m.rule === 'no-restricted-properties'))
}

describe('layering lint', () => {
  it('refuses Node built-ins in src-shared', async () => {
    const fixtures = [
      "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
      "import { readFileSync } from 'fs'\nexport const r = readFileSync\n",
      "import { join } from 'node:path'\nexport const j = join\n"
    ]
    for (const code of fixtures) expect(await layeringErrors('src-shared/fixture.ts', code), code).toHaveLength(1)
  })

  it('refuses DOM and Node globals in src-shared', async () => {
    expect(await layeringErrors('src-shared/fixture.ts', 'export const w = window.innerWidth\n')).toHaveLength(1)
    expect(await layeringErrors('src-shared/fixture.ts', 'export const e = process.env.HOME\n')).toHaveLength(1)
  })

  it('refuses src-main and src-renderer in src-shared', async () => {
    expect(await layeringErrors('src-shared/fixture.ts', "import { dispatchLabCall } from '../src-main/lab/dispatch'\nexport const d = dispatchLabCall\n")).toHaveLength(1)
    expect(await layeringErrors('src-shared/fixture.ts', "import { chooseConnection } from '../src-renderer/src/api/choose-connection'\nexport const c = chooseConnection\n")).toHaveLength(1)
  })

  it('refuses src-main from the renderer', async () => {
    const errors = await layeringErrors('src-renderer/src/fixture.ts', "import { startBrowserHost } from '../../src-main/serve/browser-host'\nexport const s = startBrowserHost\n")
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/src-main/)
  })

  it('refuses electron outside src-main/app and the preload', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    for (const path of ['src-main/lab/fixture.ts', 'src-main/serve/fixture.ts', 'src-main/cli/fixture.ts', 'src-shared/fixture.ts', 'src-renderer/src/fixture.ts']) {
      expect(await layeringErrors(path, code), path).toHaveLength(1)
    }
    expect(await layeringErrors('src-main/app/fixture.ts', code)).toEqual([])
    expect(await layeringErrors('src-main/preload/fixture.ts', code)).toEqual([])
  })

  it('refuses I/O, clocks and Math.random in the engine', async () => {
    expect(await layeringErrors('src-main/engine/fixture.ts', "import { writeFileSync } from 'node:fs'\nexport const w = writeFileSync\n")).toHaveLength(1)
    expect(await layeringErrors('src-main/engine/fixture.ts', 'export const r = Math.random()\n')).toHaveLength(1)
    expect(await layeringErrors('src-main/engine/fixture.ts', 'export const t = Date.now()\n')).toHaveLength(1)
  })

  it('accepts a clean file in each layer', async () => {
    expect(await lint('src-shared/fixture.ts', "import { z } from 'zod'\nexport const schema = z.string()\n")).toEqual([])
    expect(await lint('src-renderer/src/fixture.ts', "import { LAB_METHODS } from '@shared/api'\nexport const n = LAB_METHODS.length\n")).toEqual([])
    expect(await lint('src-main/serve/fixture.ts', "import { createServer } from 'node:http'\nexport const s = createServer\n")).toEqual([])
  })
})
