// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DrainSourceList from '../../src-renderer/src/components/DrainSourceList.vue'
import ProfileField from '../../src-renderer/src/components/ProfileField.vue'
import { defaultFor } from '../../src-renderer/src/design/field-defaults'
import { specFor } from '../../src-renderer/src/design/field-catalog'
import { useProfileStore } from '../../src-renderer/src/stores/profile'

describe('profile field', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('shows label, kernel name, unit, help and the schema default', () => {
    const wrapper = mount(ProfileField, { props: { path: 'kernel.antiStarvation.runtimeUs' } })
    const text = wrapper.text()
    expect(text).toContain('RT runtime')
    expect(text).toContain('sched_rt_runtime_us')
    expect(text).toContain('µs')
    expect(text).toContain('Default: 950000')
  })

  it('marks an invalid value at the field as the user types, and clears it when fixed', async () => {
    const wrapper = mount(ProfileField, { props: { path: 'kernel.pcp.batchScaleMax' } })
    const input = wrapper.get('input')
    await input.setValue('9')
    expect(useProfileStore().get('kernel.pcp.batchScaleMax')).toBe(9)
    expect(wrapper.get('[data-testid="field-error-kernel.pcp.batchScaleMax"]').text()).toBe('Batch scale max is 0..6')
    await input.setValue('3')
    expect(wrapper.find('[data-testid="field-error-kernel.pcp.batchScaleMax"]').exists()).toBe(false)
  })

  it('says under a drain source what the kind chosen calls, not every kind\'s call', async () => {
    const store = useProfileStore()
    store.set('drainSources', [{ kind: 'memcg', ratePerSec: 1 }, { kind: 'cma', ratePerSec: 1 }])
    const wrapper = mount(DrainSourceList)
    expect(wrapper.get('[data-testid="drain-source-help-0"]').text()).toContain('drain_all_stock()')
    expect(wrapper.get('[data-testid="drain-source-help-0"]').text()).not.toContain('alloc_contig_range')
    expect(wrapper.get('[data-testid="drain-source-help-1"]').text()).toContain('alloc_contig_range()')
    store.set('drainSources', [{ kind: 'slab', ratePerSec: 1 }])
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="drain-source-help-0"]').text()).toContain('flush_all()')
  })

  it('parses the seeds list and refuses non-numbers locally', async () => {
    const wrapper = mount(ProfileField, { props: { path: 'run.seeds' } })
    const input = wrapper.get('input')
    await input.setValue('1, 2 3')
    expect(useProfileStore().get('run.seeds')).toEqual([1, 2, 3])
    await input.setValue('1, x')
    expect(wrapper.text()).toContain('whole numbers separated by commas')
    expect(useProfileStore().get('run.seeds')).toEqual([1, 2, 3])
  })

  it('finds specs and defaults for list items', () => {
    expect(specFor('rtTasks.3.priority')?.kernel).toBe('SCHED_FIFO sched_priority')
    expect(defaultFor('rtTasks.3.priority')).toBe(50)
    expect(defaultFor('rtTasks.3.periodUs')).toBeUndefined()
    expect(defaultFor('kernel.pcp.high')).toBe('auto')
  })
})
