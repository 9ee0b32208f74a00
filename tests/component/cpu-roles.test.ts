// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import CpuMap from '../../src-renderer/src/components/CpuMap.vue'
import { mapDensity, parseIsolated, toggleIsolated } from '../../src-renderer/src/design/cpu-roles'
import { useProfileStore } from '../../src-renderer/src/stores/profile'

describe('cpu roles', () => {
  it('toggles a CPU in and out of the cpulist, shortest form', () => {
    expect(toggleIsolated(new Set([2, 3]), 4)).toBe('2-4')
    expect(toggleIsolated(new Set([2, 3, 4]), 3)).toBe('2,4')
    expect(toggleIsolated(new Set([1]), 1, true)).toBe('1')
  })

  it('parses or explains the cpulist', () => {
    const ok = parseIsolated('0-2,5', 8)
    expect(ok.ok && [...ok.cpus]).toEqual([0, 1, 2, 5])
    const bad = parseIsolated('9', 8)
    expect(bad.ok).toBe(false)
  })

  it('switches to compact tiles beyond 256 CPUs', () => {
    expect(mapDensity(64)).toBe('large')
    expect(mapDensity(256)).toBe('medium')
    expect(mapDensity(257)).toBe('compact')
  })
})

describe('CPU map', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('keeps machine.isolated in sync with clicks on tiles', async () => {
    const profile = useProfileStore()
    const wrapper = mount(CpuMap)
    expect(wrapper.findAll('[data-testid^="cpu-tile-"]')).toHaveLength(4)
    await wrapper.get('[data-testid="cpu-tile-1"]').trigger('click')
    expect(profile.get('machine.isolated')).toBe('1-3')
    await wrapper.get('[data-testid="cpu-tile-2"]').trigger('click')
    expect(profile.get('machine.isolated')).toBe('1,3')
    expect(wrapper.get('[data-testid="cpu-tile-2"]').attributes('data-role')).toBe('housekeeping')
  })

  it('follows the cpulist typed in the text field', async () => {
    const profile = useProfileStore()
    const wrapper = mount(CpuMap)
    profile.set('machine.isolated', '0,2')
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="cpu-tile-0"]').attributes('data-role')).toBe('isolated')
    expect(wrapper.get('[data-testid="cpu-tile-3"]').attributes('data-role')).toBe('housekeeping')
  })

  it('places a dropped task on a CPU and isolates a housekeeping target', async () => {
    const profile = useProfileStore()
    profile.set('rtTasks', [{ name: 'poller', cpu: 2, mode: 'polling', periodUs: 100, runtimeUs: 10, initialPcpPages: 300 }])
    const wrapper = mount(CpuMap)
    const store = new Map<string, string>()
    const dataTransfer = { setData: (k: string, v: string) => store.set(k, v), getData: (k: string) => store.get(k) ?? '', effectAllowed: '' }
    await wrapper.get('[data-testid="task-chip-0"]').trigger('dragstart', { dataTransfer })
    await wrapper.get('[data-testid="cpu-tile-1"]').trigger('drop', { dataTransfer })
    expect(profile.get('rtTasks.0.cpu')).toBe(1)
    expect(profile.get('machine.isolated')).toBe('1-3')
    expect(profile.valid).toBe(true)
    expect(wrapper.get('[data-testid="cpu-tile-1"]').text()).toContain('300')
  })
})
