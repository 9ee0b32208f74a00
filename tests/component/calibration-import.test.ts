// @vitest-environment happy-dom
// Design ▸ Apply calibration…: a probe's results.json sets the fitted kernel costs on the profile being
// edited; a results file without a calibration block changes nothing and says why.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS } from '../../src-shared/api'
import App from '../../src-renderer/src/App.vue'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { useProfileStore } from '../../src-renderer/src/stores/profile'

async function mountApp() {
  localStorage.clear()
  const replies: Record<string, () => Promise<unknown>> = {
    hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
    listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => []
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
  setLabConnection(electronConnection({ ...methods, on: () => () => {}, onCommand: () => () => {} } as unknown as ElectronLabBridge))
  const pinia = createPinia()
  const wrapper = mount(App, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, profile: useProfileStore(pinia) }
}

async function pick(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], name: string, doc: unknown): Promise<void> {
  await wrapper.get('[data-testid="design-apply-calibration"]').trigger('click')
  const input = document.querySelector<HTMLInputElement>('[data-testid="calibration-file-input"]')
  expect(input).not.toBeNull()
  Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(doc)], name)] })
  input!.dispatchEvent(new Event('change'))
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 0))
  await flushPromises()
}

describe('Design ▸ Apply calibration…', () => {
  it('sets the fitted tPageLocalNs on the profile', async () => {
    const { wrapper, profile } = await mountApp()
    expect(profile.get('kernel.costs.tPageLocalNs')).toBe(40)
    await pick(wrapper, 'results.json', { measurement: { calibration: { costs: { tPageLocalNs: 199 }, samples: { tPageLocalNs: 44704 }, method: 'probe' } } })
    expect(profile.get('kernel.costs.tPageLocalNs')).toBe(199)
    expect(document.body.textContent).toContain('Applied tPageLocalNs = 199 ns from results.json (44704 samples)')
    wrapper.unmount()
  })

  it('refuses a results file without a calibration block', async () => {
    const { wrapper, profile } = await mountApp()
    await pick(wrapper, 'import.json', { measurement: { engine: 'measured' } })
    expect(profile.get('kernel.costs.tPageLocalNs')).toBe(40)
    expect(document.body.textContent).toContain('import.json has no calibration block')
    wrapper.unmount()
  })
})
