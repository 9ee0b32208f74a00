// @vitest-environment happy-dom
// File ▸ Import measurements…: the picked files' text goes to the lab, the imported run opens in Results,
// and a file the lab refuses is a message naming the file and the line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError } from '../../src-shared/api'
import type { AppCommand } from '../../src-shared/app-commands'
import App from '../../src-renderer/src/App.vue'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults } from '../../src-shared/results/types'
import { newProfile } from '../../src-renderer/src/design/new-profile'

const RUN_ID = '20261129-233000-cyclictest-cyclictest-json-0a1b'
const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'measured', 'cyclictest.json'), 'utf8')

async function mountWith(importMeasurements: () => Promise<unknown>) {
  localStorage.clear()
  const replies: Record<string, () => Promise<unknown>> = {
    hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
    listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
    importMeasurements,
    // what the lab answers is its business (tests/unit/lab-import-measurements.test.ts); any document opens
    getResults: async (): Promise<ExperimentResults> => ({ schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'measured', profile: { ...newProfile(), name: 'imported' }, jobs: [], aggregates: [] })
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
  let command: ((c: AppCommand) => void) | null = null
  const onCommand = (listener: (c: AppCommand) => void) => { command = listener; return () => {} }
  setLabConnection(electronConnection({ ...methods, on: () => () => {}, onCommand } as unknown as ElectronLabBridge))
  const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, methods, command: () => command!('import') }
}

/** The menu's command opens a file picker; this picks `files` in it. */
async function pick(files: File[]): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="measurement-file-input"]')
  expect(input).not.toBeNull()
  Object.defineProperty(input, 'files', { value: files })
  input!.dispatchEvent(new Event('change'))
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 0))
  await flushPromises()
}

describe('File ▸ Import measurements', () => {
  it('sends the picked files\' text and opens the imported run in Results', async () => {
    const { wrapper, methods, command } = await mountWith(async () => ({ runId: RUN_ID }))
    command()
    await pick([new File([text], 'cyclictest.json')])
    expect(methods.importMeasurements).toHaveBeenCalledWith({ files: [{ name: 'cyclictest.json', text }] })
    expect(methods.getResults).toHaveBeenCalledWith({ runId: RUN_ID })
    expect(wrapper.find('[data-testid="view-results"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says which file and line the lab refused', async () => {
    const { wrapper, command } = await mountWith(async () => { throw new LabError('invalid-request', 'x.txt:1: not a cyclictest (-h or --json), oslat or rtla timerlat/osnoise hist output') })
    command()
    await pick([new File(['hello'], 'x.txt')])
    expect(document.body.querySelector('[data-testid="file-failure"]')?.textContent).toContain('Could not import: x.txt:1: not a cyclictest')
    wrapper.unmount()
  })
})
