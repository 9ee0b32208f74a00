// @vitest-environment happy-dom
// A run the lab refuses: the Run view says what happened and what to do, never a blank screen.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError } from '../../src-shared/api'
import App from '../../src-renderer/src/App.vue'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'

describe('run errors', () => {
  it('shows the lab\'s message, its field issues and advice when a run is refused', async () => {
    localStorage.clear()
    const replies: Record<string, () => Promise<unknown>> = {
      hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
      listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
      startRun: async () => { throw new LabError('invalid-profile', 'a sweep point is invalid', [{ path: 'kernel.pcp.high', message: 'high cannot be negative' }]) }
    }
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
    setLabConnection(electronConnection({ ...methods, on: () => () => {}, onCommand: () => () => {} } as unknown as ElectronLabBridge))
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()

    await wrapper.get('[data-testid="design-run"]').trigger('click')
    await flushPromises()
    expect(methods.startRun).toHaveBeenCalledOnce()
    expect(wrapper.find('[data-testid="view-run"]').exists()).toBe(true)
    const panel = wrapper.get('[data-testid="error-panel"]').text()
    expect(panel).toContain('a sweep point is invalid')
    expect(panel).toContain('kernel.pcp.high high cannot be negative')
    expect(panel).toContain('Fix the fields marked in red on the Design view')
    wrapper.unmount()
  })
})
