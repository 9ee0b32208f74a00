// The layering rules of DEVELOPERS.md ("Layout and layering"), proven on fixtures: the project's own ESLint config must reject
// each forbidden import and accept each allowed one, layer by layer. The fixtures are text, linted as if
// they lived at the given path, so no violating file ever sits in the tree.
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

const LAYERING_RULES = ['layering/imports', 'no-restricted-globals', 'no-restricted-properties']

async function layeringErrors(filePath: string, code: string) {
  return (await lint(filePath, code)).filter((m) => m.severity === 2 && LAYERING_RULES.includes(m.rule ?? ''))
}

/** Per layer: a fixture file, imports its allow-list admits, and imports it must refuse. */
const LAYERS: Array<{ file: string; allowed: string[]; forbidden: string[] }> = [
  {
    file: 'src-shared/fixture.ts',
    allowed: ["import { z } from 'zod'", "import { LAB_METHODS } from './api'", "import type { ChartConfiguration } from 'chart.js'", "import { build } from 'hdr-histogram-js'"],
    forbidden: [
      "import { Chart } from 'chart.js'", "import { readFileSync } from 'node:fs'", "import { readFileSync } from 'fs'", "import { ref } from 'vue'",
      "import { dispatchLabCall } from '../src-main/lab/dispatch'", "import { chooseConnection } from '../src-renderer/src/api/choose-connection'"
    ]
  },
  {
    file: 'src-renderer/src/fixture.ts',
    allowed: ["import { LAB_METHODS } from '@shared/api'", "import { ref } from 'vue'", "import { defineStore } from 'pinia'", "import { NButton } from 'naive-ui'", "import { lab } from './api/lab-instance'"],
    forbidden: [
      "import { startBrowserHost } from '../../src-main/serve/browser-host'", "import { join } from 'node:path'",
      "import { ipcRenderer } from 'electron'", "import { WebSocketServer } from 'ws'"
    ]
  },
  {
    file: 'src-main/engine/fixture.ts',
    allowed: ["import { ENGINE_VERSION } from './version'", "import type { Profile } from '../../src-shared/profile/schema'", "import { deflateSync } from 'node:zlib'"],
    forbidden: ["import { writeFileSync } from 'node:fs'", "import { build } from 'hdr-histogram-js'", "import { JobPool } from '../lab/pool/job-pool'", "import { writeFileAtomic } from '../store/atomic-write'", "import { z } from 'zod'"]
  },
  {
    file: 'src-main/store/fixture.ts',
    allowed: ["import { readFile } from 'node:fs/promises'", "import { z } from 'zod'", "import { LabError } from '../../src-shared/api'"],
    forbidden: ["import { JobPool } from '../lab/pool/job-pool'", "import { app } from 'electron'", "import { WebSocketServer } from 'ws'"]
  },
  {
    file: 'src-main/lab/fixture.ts',
    allowed: ["import { ExperimentStore } from '../store/experiment-store'", "import { ENGINE_VERSION } from '../engine/version'", "import { Piscina } from 'piscina'", "import { EventEmitter } from 'node:events'"],
    forbidden: ["import { startBrowserHost } from '../serve/browser-host'", "import { registerLabIpc } from '../app/ipc'", "import { app } from 'electron'", "import { WebSocketServer } from 'ws'"]
  },
  {
    file: 'src-main/serve/fixture.ts',
    allowed: ["import { createServer } from 'node:http'", "import { WebSocketServer } from 'ws'", "import { dispatchLabCall } from '../lab/dispatch'"],
    forbidden: ["import { app } from 'electron'", "import { registerLabIpc } from '../app/ipc'", "import { Command } from 'commander'", "import { ExperimentStore } from '../store/experiment-store'"]
  },
  {
    file: 'src-main/cli/fixture.ts',
    allowed: ["import { Command } from 'commander'", "import { startBrowserHost } from '../serve/browser-host'", "import { ExperimentStore } from '../store/experiment-store'"],
    forbidden: ["import { app } from 'electron'", "import { registerLabIpc } from '../app/ipc'", "import { ref } from 'vue'"]
  },
  {
    file: 'src-main/app/fixture.ts',
    allowed: ["import { app } from 'electron'", "import { createLabService } from '../lab/lab-service'", "import { resolve } from 'node:path'"],
    forbidden: ["import { startBrowserHost } from '../serve/browser-host'", "import { chooseConnection } from '../../src-renderer/src/api/choose-connection'", "import { WebSocketServer } from 'ws'"]
  },
  {
    file: 'src-main/preload/fixture.ts',
    allowed: ["import { contextBridge } from 'electron'", "import { labChannel } from '../app/ipc-channels'", "import { labClientOf } from '../../src-shared/lab-client'"],
    forbidden: ["import { registerLabIpc } from '../app/ipc'", "import { readFileSync } from 'node:fs'", "import { dispatchLabCall } from '../lab/dispatch'"]
  },
  {
    // a new src-main folder has no allow-list until eslint.config.mjs gives it one
    file: 'src-main/new-folder/fixture.ts',
    allowed: [],
    forbidden: ["import { join } from 'node:path'", "import { LabError } from '../../src-shared/api'"]
  }
]

describe('layering lint: each layer imports only its allow-list', () => {
  for (const { file, allowed, forbidden } of LAYERS) {
    it(`${file.replace(/\/(src\/)?fixture\.ts$/, '')}: refuses what is not listed, accepts what is`, async () => {
      for (const code of forbidden) {
        const errors = await layeringErrors(file, `${code}\n`)
        expect(errors, code).toHaveLength(1)
        expect(errors[0].rule, code).toBe('layering/imports')
      }
      for (const code of allowed) expect(await layeringErrors(file, `${code}\n`), code).toEqual([])
    })
  }

  it('names the layer, the refused target and the reason', async () => {
    const [error] = await layeringErrors('src-renderer/src/fixture.ts', "import { startBrowserHost } from '../../src-main/serve/browser-host'\n")
    expect(error.message).toBe("src-renderer may not import 'src-main/serve/browser-host': the UI talks to the lab only through LabApi (src-shared); no Node, no Electron, no src-main")
  })

  it('lets only src-main/app and the preload import electron', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    for (const path of ['src-main/lab/fixture.ts', 'src-main/serve/fixture.ts', 'src-main/cli/fixture.ts', 'src-main/store/fixture.ts', 'src-main/engine/fixture.ts', 'src-shared/fixture.ts', 'src-renderer/src/fixture.ts']) {
      expect(await layeringErrors(path, code), path).toHaveLength(1)
    }
    expect(await layeringErrors('src-main/app/fixture.ts', code)).toEqual([])
    expect(await layeringErrors('src-main/preload/fixture.ts', code)).toEqual([])
  })
})

describe('layering lint: environments', () => {
  it('refuses DOM and Node globals in src-shared', async () => {
    expect(await layeringErrors('src-shared/fixture.ts', 'export const w = window.innerWidth\n')).toHaveLength(1)
    expect(await layeringErrors('src-shared/fixture.ts', 'export const e = process.env.HOME\n')).toHaveLength(1)
  })

  it('refuses clocks and Math.random in the engine', async () => {
    expect(await layeringErrors('src-main/engine/fixture.ts', 'export const r = Math.random()\n')).toHaveLength(1)
    expect(await layeringErrors('src-main/engine/fixture.ts', 'export const t = Date.now()\n')).toHaveLength(1)
  })

  it('accepts a clean file in each layer', async () => {
    expect(await lint('src-shared/fixture.ts', "import { z } from 'zod'\nexport const schema = z.string()\n")).toEqual([])
    expect(await lint('src-renderer/src/fixture.ts', "import { LAB_METHODS } from '@shared/api'\nexport const n = LAB_METHODS.length\n")).toEqual([])
    expect(await lint('src-main/serve/fixture.ts', "import { createServer } from 'node:http'\nexport const s = createServer\n")).toEqual([])
  })
})
