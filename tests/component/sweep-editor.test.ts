// @vitest-environment happy-dom
// Sweeps an RT engineer asks for (issue 15, point 6): the editor names the fields as they are said ("reclaim
// drains per second", "rt0 allocations per job") and sweeps the anti-starvation policy by its names.
import { mount } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import SweepEditor from '../../src-renderer/src/components/SweepEditor.vue'
import { useProfileStore } from '../../src-renderer/src/stores/profile'
import { ANTI_STARVATION_POLICIES } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'

describe('SweepEditor', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  function editor() {
    const profile = useProfileStore()
    profile.set('drainSources', [{ kind: 'reclaim', ratePerSec: 10 }])
    profile.set('rtTasks', [{ name: 'rt0', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 100 }])
    profile.set('sweep', { parameters: [{ path: 'kernel.pcp.high', values: [64, 256] }] })
    const wrapper = mount(SweepEditor)
    return { profile, select: wrapper.findComponent(NSelect) }
  }

  it('offers the fields by name, the path beside it', () => {
    const { select } = editor()
    const labels = (select.props('options') as Array<{ label: string }>).map((o) => o.label)
    expect(labels).toContain('reclaim drains per second · drainSources.0.ratePerSec')
    expect(labels).toContain('rt0 allocations per job · rtTasks.0.allocsPerJob')
    expect(labels).toContain('anti-starvation policy · kernel.antiStarvation.policy')
  })

  it('picking the policy sweeps every policy by name, and the profile stays valid', async () => {
    const { profile, select } = editor()
    select.vm.$emit('update:value', 'kernel.antiStarvation.policy')
    expect(profile.get('sweep.parameters.0')).toEqual({ path: 'kernel.antiStarvation.policy', values: [...ANTI_STARVATION_POLICIES] })
    expect(validateProfile(profile.snapshot()).ok).toBe(true)
  })
})
