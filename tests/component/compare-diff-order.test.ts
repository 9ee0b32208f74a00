// Compare's profile difference, most telling rows first: the fresh-clone walk compared the 1 kHz control loop
// with the stress preset and met 98 rows in profile order, names and descriptions first, each task's fields
// after, so the machine's and the task count's differences sat among them and the charts four screens down.
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'
import { compareDiff, fieldValue } from '../../src-renderer/src/results/compare-diff'

const preset = (name: RegExp) => PRESETS.find((p) => name.test(p.profile.name ?? ''))!.profile

describe('Compare profile difference order', () => {
  const diff = compareDiff(preset(/1 kHz/), preset(/Stress/))

  it('opens with the machine and the lists\' entry counts, the names last', () => {
    expect(diff.slice(0, 4).map((d) => d.path)).toEqual(['machine.cpus', 'machine.isolated', 'rtTasks.length', 'drainSources.length'])
    expect(diff.find((d) => d.path === 'rtTasks.length')).toEqual({ path: 'rtTasks.length', a: 6, b: 8 })
    expect(diff.slice(-2).map((d) => d.path)).toEqual(['name', 'description'])
    expect(diff.findIndex((d) => d.path.startsWith('rtTasks.0.'))).toBeGreaterThan(diff.findIndex((d) => d.path.startsWith('housekeeping.')))
  })

  it('keeps profile order within a section and lists no count that does not differ', () => {
    const task0 = diff.filter((d) => d.path.startsWith('rtTasks.0.')).map((d) => d.path)
    expect(task0.indexOf('rtTasks.0.name')).toBeLessThan(task0.indexOf('rtTasks.0.cpu'))
    expect(compareDiff(preset(/1 kHz/), preset(/1 kHz/))).toEqual([])
  })

  it('reads a sweep parameter\'s path value as the field it names', () => {
    const swept = { ...preset(/1 kHz/), sweep: { parameters: [{ path: 'kernel.pcp.high', values: [64, 1024] }] } }
    const rows = compareDiff(swept, preset(/1 kHz/))
    const path = rows.find((d) => d.path === 'sweep.parameters.0.path')!
    expect(fieldValue(path, 'a')).toBe('kernel.pcp.high')
    expect(fieldValue(path, 'b')).toBeNull()
    expect(rows.find((d) => d.path === 'sweep.parameters.0.values')).toMatchObject({ a: '64, 1024', b: undefined })
  })
})
