// @vitest-environment happy-dom
// The shell over the Electron preload's bridge: the status bar names the host, and menu commands
// (including Open Recent with its path) reach the same actions as the buttons.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS } from '../../src-shared/api'
import App from '../../src-renderer/src/App.vue'
import type { AppCommand } from '../../src-shared/app-commands'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { newProfile } from '../../src-renderer/src/design/new-profile'
import { THEME_KEY } from '../../src-renderer/src/stores/ui'

function fakeBridge() {
  let command: ((c: AppCommand, argument?: string) => void) | null = null
  const opened = { ...newProfile(), name: 'From the menu' }
  const replies: Record<string, unknown> = {
    hostInfo: { host: 'electron', appVersion: '0.1.0', engineVersion: '0.1.0-test', nativeDialogs: true },
    listPresets: [], listHistory: [], listRecentProfiles: ['/work/a.drainlab.json'],
    openProfile: { path: '/work/a.drainlab.json', profile: opened }
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(async () => replies[m] ?? null)]))
  const bridge = {
    ...methods,
    on: () => () => {},
    onCommand: (listener: (c: AppCommand, argument?: string) => void) => {
      command = listener
      return () => { command = null }
    }
  } as unknown as ElectronLabBridge
  return { bridge, methods, send: (c: AppCommand, argument?: string) => command?.(c, argument) }
}

describe('shell over the Electron bridge', () => {
  it('shows the Electron host and routes menu commands', async () => {
    localStorage.clear()
    localStorage.setItem(THEME_KEY, 'light')
    const fake = fakeBridge()
    setLabConnection(electronConnection(fake.bridge))
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.get('[data-testid="status-host"]').text()).toContain('Electron · engine 0.1.0-test')

    fake.send('open-recent', '/work/a.drainlab.json')
    await flushPromises()
    expect(fake.methods.openProfile).toHaveBeenCalledWith({ path: '/work/a.drainlab.json' })
    expect((wrapper.get('[data-testid="input-name"]').element as HTMLInputElement).value).toBe('From the menu')

    // the state after every toggle: the page's theme, the remembered choice and the button's offer
    const themeShown = () => ({
      theme: document.documentElement.dataset.theme,
      saved: localStorage.getItem(THEME_KEY),
      button: wrapper.get('[data-testid="theme-toggle"]').attributes('aria-label')
    })
    expect(themeShown()).toEqual({ theme: 'light', saved: 'light', button: 'Switch to dark theme' })
    fake.send('theme')
    await flushPromises()
    expect(themeShown()).toEqual({ theme: 'dark', saved: 'dark', button: 'Switch to light theme' })
    fake.send('theme')
    await flushPromises()
    expect(themeShown()).toEqual({ theme: 'light', saved: 'light', button: 'Switch to dark theme' })

    fake.send('save')
    await flushPromises()
    expect(fake.methods.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ path: '/work/a.drainlab.json' }))
    wrapper.unmount()
  })
})

describe('file failures over the Electron bridge', () => {
  it('names each invalid field of a profile the lab refused to open', async () => {
    localStorage.clear()
    const fake = fakeBridge()
    // what the preload rejects with: a plain SerializedLabError
    fake.methods.openProfile.mockRejectedValueOnce({
      code: 'invalid-profile', message: '/work/b.drainlab.json is not a valid profile',
      issues: [{ path: 'machine.cpus', message: 'must be at least 1' }, { path: 'kernel.pcp.high', message: 'cannot be negative' }]
    })
    setLabConnection(electronConnection(fake.bridge))
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()

    fake.send('open-recent', '/work/b.drainlab.json')
    await flushPromises()
    const shown = document.body.querySelector('[data-testid="file-failure"]')?.textContent ?? ''
    expect(shown).toContain('Could not open /work/b.drainlab.json: /work/b.drainlab.json is not a valid profile')
    expect(shown).toContain('machine.cpus: must be at least 1')
    expect(shown).toContain('kernel.pcp.high: cannot be negative')
    expect(shown).toContain('Fix these fields in the file')
    wrapper.unmount()
  })

  it('shows a recent list that cannot be read as an error, not an unhandled rejection', async () => {
    localStorage.clear()
    const fake = fakeBridge()
    fake.methods.listRecentProfiles.mockRejectedValueOnce(new TypeError('bridge gone'))
    setLabConnection(electronConnection(fake.bridge))
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    const shown = document.body.querySelector('[data-testid="file-failure"]')?.textContent ?? ''
    expect(shown).toContain('Could not list the recent profiles: bridge gone')
    wrapper.unmount()
  })
})
