// @vitest-environment happy-dom
// "Run on a cluster…" in the Sweep view: the button downloads one file for the engine and shard count
// chosen, defaulting to min(jobs, 16) shards, and refuses a count the generator would refuse.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Profile } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import ClusterExport from '../../src-renderer/src/components/ClusterExport.vue'

const downloads = vi.hoisted(() => [] as Array<{ fileName: string; blob: Blob }>)
// the browser's download is the boundary: the test reads the file that would have been saved
vi.mock('../../src-renderer/src/files/download', () => ({ downloadBlob: (fileName: string, blob: Blob) => downloads.push({ fileName, blob }) }))

/** 2 sweep points × 2 variants × 2 seeds = 8 jobs (tests/support is outside the renderer's type project). */
const SWEEP = {
  schemaVersion: 1,
  name: 'Shard sweep',
  machine: { cpus: 4, isolated: '2-3' },
  kernel: { variants: ['workqueue', 'direct'] },
  rtTasks: [{ name: 'loop', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 200, allocsPerJob: 2 }],
  run: { durationMs: 300, seeds: [1, 2] },
  sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 500] }] }
}

function sweepProfile(): Profile {
  const checked = validateProfile(SWEEP)
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.profile
}

async function openPanel() {
  const wrapper = mount(ClusterExport, { props: { profile: sweepProfile() }, attachTo: document.body })
  await wrapper.get('[data-testid="cluster-open"]').trigger('click')
  return wrapper
}

afterEach(() => {
  downloads.length = 0
  document.body.innerHTML = ''
})

describe('Run on a cluster', () => {
  it('downloads the Slurm script for the default shard count, min(jobs, 16): all 8 jobs of this sweep', async () => {
    const wrapper = await openPanel()
    expect(wrapper.text()).toContain('of 8 jobs')
    await wrapper.get('[data-testid="cluster-download"]').trigger('click')
    expect(downloads.map((d) => d.fileName)).toEqual(['Shard-sweep-slurm-8shards.sh'])
    const text = await downloads[0].blob.text()
    expect(text).toContain('"$outdir" 8\n')
    expect(text).toContain('"name": "Shard sweep"')
  })

  it('downloads the Kubernetes manifest for the shard count typed in', async () => {
    const wrapper = await openPanel()
    await wrapper.findComponent({ name: 'Select' }).vm.$emit('update:value', 'kubernetes')
    const input = wrapper.get('[data-testid="cluster-shards"] input')
    await input.setValue('3')
    await input.trigger('blur')
    await wrapper.get('[data-testid="cluster-download"]').trigger('click')
    expect(downloads.map((d) => d.fileName)).toEqual(['Shard-sweep-kubernetes-3shards.yaml'])
    expect(await downloads[0].blob.text()).toMatch(/^ {2}completions: 3$/m)
  })

  it('offers no download without a shard count, and says why', async () => {
    const wrapper = await openPanel()
    const input = wrapper.get('[data-testid="cluster-shards"] input')
    await input.setValue('')
    await input.trigger('blur')
    expect(wrapper.get('[data-testid="cluster-download"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('shard count must be a whole number from 1 to 1000')
  })
})
