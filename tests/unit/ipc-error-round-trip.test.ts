// A failed LabApi call over Electron, end to end without Electron: the real lab behind the main
// process's IPC handlers, IPC's structured clone, the preload's bridge, contextBridge's copying rules,
// and the renderer's rebuild. What arrives must be the LabError the lab threw: code, message, issues.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LabError, type LabMethod } from '../../src-shared/api'
import { labCallOf } from '../../src-shared/lab-client'
import { labErrorFromRejection } from '../../src-shared/lab-error-wire'
import { registerLabIpc, type IpcMainLike } from '../../src-main/app/ipc'
import { createLabService } from '../../src-main/lab/lab-service'
import { grantedPathPolicy } from '../../src-main/lab/path-policy'
import { createLabBridge, type IpcRendererLike } from '../../src-main/preload/lab-bridge'

const APP_URL = 'file:///opt/Drain%20Lab/resources/app.asar/out/renderer/index.html'

/** ipcMain and ipcRenderer joined as Electron joins them: payload and reply are structured clones. */
function fakeIpc(frameUrl: string) {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => { handlers.set(channel, listener) },
    removeHandler: (channel) => { handlers.delete(channel) }
  }
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, payload) {
      const handler = handlers.get(channel)
      // Electron's own wording when the main process has no handler for the channel
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
      return structuredClone(await handler({ senderFrame: { url: frameUrl } as never }, structuredClone(payload)))
    },
    on: () => undefined,
    removeListener: () => undefined
  }
  return { ipcMain, ipcRenderer, handlers }
}

/**
 * contextBridge's rules for a promise the page receives (Electron docs, "Parameter / Error / Return
 * Type support"): plain objects are copied, an Error keeps only its message.
 */
async function acrossContextBridge(call: Promise<unknown>): Promise<unknown> {
  try {
    return structuredClone(await call)
  } catch (reason) {
    throw reason instanceof Error ? new Error(reason.message) : structuredClone(reason)
  }
}

const lab = createLabService({ dataDir: mkdtempSync(join(tmpdir(), 'drainlab-ipc-errors-')), jobs: 1, host: 'electron', pathPolicy: grantedPathPolicy(), appVersion: 'test' })
afterAll(() => lab.close())

/** The rejection a renderer call sees, rebuilt as the renderer's Electron connection rebuilds it. */
async function rendererRejection(method: LabMethod, payload: unknown, frameUrl = APP_URL): Promise<LabError> {
  const ipc = fakeIpc(frameUrl)
  const dispose = registerLabIpc({ ipcMain: ipc.ipcMain, lab, appUrls: [APP_URL], eventTargets: () => [] })
  try {
    const bridge = createLabBridge(ipc.ipcRenderer)
    await acrossContextBridge(labCallOf(bridge)(method, payload))
  } catch (reason) {
    return labErrorFromRejection(reason)
  } finally {
    dispose()
  }
  throw new Error(`${method} was expected to fail`)
}

describe('a LabError over Electron IPC', () => {
  it('keeps a profile validation error’s code, message and field issues', async () => {
    const profile = { schemaVersion: 1, name: 'Broken', machine: { cpus: 0 } }
    const validation = await lab.validateProfile({ profile })
    if (validation.ok) throw new Error('the test profile was meant to be invalid')

    const error = await rendererRejection('startRun', { profile })
    expect(error).toBeInstanceOf(LabError)
    expect(error.code).toBe('invalid-profile')
    expect(error.message).toBe('the profile is invalid')
    expect(error.issues).toEqual(validation.issues)
    expect(error.issues?.some((issue) => issue.path === 'machine.cpus')).toBe(true)
  })

  it('keeps the main process’s payload check (invalid-request) and the lab’s not-found', async () => {
    const badRunId = await rendererRejection('cancelRun', { runId: '../etc' })
    expect(badRunId).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/^runId: /) })

    const missing = await rendererRejection('getResults', { runId: '20260101-000000-no-such-run-abcd' })
    expect(missing).toMatchObject({ code: 'not-found', message: 'no results for run 20260101-000000-no-such-run-abcd' })
  })

  it('keeps the sender check’s forbidden', async () => {
    const error = await rendererRejection('hostInfo', {}, 'https://evil.example/')
    expect(error).toMatchObject({ code: 'forbidden', message: 'hostInfo: the calling frame is not the app' })
  })

  it('turns an IPC failure outside the lab into a failed LabError without Electron’s wrapper text', async () => {
    const ipc = fakeIpc(APP_URL)
    const reason = await acrossContextBridge(createLabBridge(ipc.ipcRenderer).hostInfo({})).catch((e: unknown) => e)
    const error = labErrorFromRejection(reason)
    expect(error).toBeInstanceOf(LabError)
    expect(error).toMatchObject({ code: 'failed', message: "hostInfo: No handler registered for 'lab:hostInfo'" })
  })
})
