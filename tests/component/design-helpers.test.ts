import { describe, expect, it } from 'vitest'
import { computed, reactive } from 'vue'
import { assignAtPath, getAtPath, ProfilePathError } from '../../src-shared/profile/paths'
import { newDrainSource, newRtTask, placeNewTask } from '../../src-renderer/src/design/new-items'
import { parseNumberList } from '../../src-renderer/src/design/number-list'
import { parseSweepValues } from '../../src-renderer/src/design/sweep-values'
import { profileFileName } from '../../src-renderer/src/files/profile-file-name'
import { bestVariants, overviewCards, type OverviewCard } from '../../src-renderer/src/results/overview-metrics'
import { handleShortcut } from '../../src-renderer/src/app-shortcuts'
import { newProfile } from '../../src-renderer/src/design/new-profile'
import { profileFacts } from '../../src-renderer/src/results/profile-summary'

describe('profile paths in the draft', () => {
  it('reads and writes by dotted path, creating arrays for numeric keys', () => {
    const doc: Record<string, unknown> = {}
    assignAtPath(doc, 'rtTasks.0.cpu', 3)
    assignAtPath(doc, 'kernel.pcp.high', 'auto')
    expect(doc).toEqual({ rtTasks: [{ cpu: 3 }], kernel: { pcp: { high: 'auto' } } })
    expect(getAtPath(doc, 'rtTasks.0.cpu')).toBe(3)
    expect(getAtPath(doc, 'rtTasks.1.cpu')).toBeUndefined()
    assignAtPath(doc, 'kernel.pcp.high', undefined)
    expect(doc.kernel).toEqual({ pcp: {} })
  })

  it('never reaches into the prototype chain', () => {
    const doc: Record<string, unknown> = {}
    expect(() => assignAtPath(doc, '__proto__.polluted', 1)).toThrow(ProfilePathError)
    expect(() => assignAtPath(doc, 'constructor.prototype.polluted', 1)).toThrow(ProfilePathError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(getAtPath(doc, 'toString')).toBeUndefined()
  })

  it('lets a computed follow a key the draft gains later', () => {
    const draft = reactive<Record<string, unknown>>({ machine: { cpus: 4 } })
    const sweep = computed(() => getAtPath(draft, 'sweep.parameters'))
    expect(sweep.value).toBeUndefined()
    assignAtPath(draft, 'sweep.parameters', [])
    expect(sweep.value).toEqual([])
  })
})

describe('form helpers', () => {
  it('adds a task on the first free isolated CPU with a fresh name', () => {
    expect(placeNewTask([{ cpu: 2 }], [2, 3], 4)).toEqual({ cpu: 3, isolate: false })
    const task = newRtTask([{ name: 'rt0' }], 3)
    expect(task).toMatchObject({ name: 'rt1', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 200 })
    expect(newDrainSource()).toEqual({ kind: 'reclaim', ratePerSec: 1 })
  })

  // issue 15, point 9: with every isolated CPU running a task, the new one went onto a taken CPU
  it('never puts a new task on a taken CPU: it isolates the highest housekeeping CPU, keeping one', () => {
    expect(placeNewTask([{ cpu: 3 }], [3], 4)).toEqual({ cpu: 2, isolate: true })
    expect(placeNewTask([{ cpu: 1 }], [1], 2)).toBeNull()
    expect(placeNewTask([{ cpu: 1 }, { cpu: 2 }], [1, 2], 3)).toBeNull()
  })

  it('parses lists as typed', () => {
    expect(parseNumberList('1, 2 3')).toEqual([1, 2, 3])
    expect(parseNumberList('1, -2')).toBeNull()
    expect(parseSweepValues('64, 256, auto, true,')).toEqual([64, 256, 'auto', true])
  })

  it('names profile files <name>.drainlab.json', () => {
    expect(profileFileName('Polling task, RT throttling off')).toBe('Polling-task-RT-throttling-off.drainlab.json')
    expect(profileFileName('../../etc')).toBe('etc.drainlab.json')
    expect(profileFileName('   ')).toBe('experiment.drainlab.json')
  })
})

describe('overview highlighting', () => {
  const card = (variant: OverviewCard['variant'], misses: number): OverviewCard => ({
    variant, seeds: 1, partial: false,
    values: { misses, latencyP9999Ns: 0, latencyMaxNs: 0, drainP50Ns: 0, drainP99Ns: 0, drainMaxNs: 0, stalled: 0, skipped: 0, strandedPages: 0 }
  })
  it('highlights the lowest value, and nothing when all variants are equal', () => {
    expect([...bestVariants([card('workqueue', 12), card('direct', 0), card('direct-irqon', 0)], 'misses')]).toEqual(['direct', 'direct-irqon'])
    expect(bestVariants([card('workqueue', 0), card('direct', 0)], 'misses').size).toBe(0)
    expect(bestVariants([card('workqueue', Number.NaN), card('direct', 3)], 'misses').size).toBe(0)
  })
})

describe('shortcuts', () => {
  it('maps Ctrl+Enter, Ctrl+S, Ctrl+Shift+S, Ctrl+O, Ctrl+1..6 and Esc', () => {
    const calls: string[] = []
    const actions = {
      run: () => calls.push('run'), cancel: () => calls.push('cancel'), save: () => calls.push('save'),
      saveAs: () => calls.push('saveAs'), open: () => calls.push('open'), show: (v: string) => calls.push(`show:${v}`)
    }
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
      ({ key: k, ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, preventDefault: () => {}, ...mods }) as KeyboardEvent
    handleShortcut(key('Enter'), actions)
    handleShortcut(key('s'), actions)
    handleShortcut(key('S', { shiftKey: true }), actions)
    handleShortcut(key('o'), actions)
    handleShortcut(key('4'), actions)
    handleShortcut(key('Escape', { ctrlKey: false }), actions)
    expect(handleShortcut(key('x'), actions)).toBe(false)
    expect(calls).toEqual(['run', 'save', 'saveAs', 'open', 'show:compare', 'cancel'])
  })
})

describe('history profile facts', () => {
  it('summarises machine, kernel, tasks, drains and run', () => {
    const p = newProfile()
    p.rtTasks.push({ name: 'poll', cpu: 2, priority: 50, mode: 'polling', periodUs: 100, runtimeUs: { dist: 'uniform', minUs: 10, maxUs: 30 }, allocsPerJob: 0, initialPcpPages: 300, missPolicy: 'continue', lruFoliosPerJob: 0, dirtiesVmstat: false, chargesMemcg: false, allocatesSlab: false })
    p.drainSources.push({ kind: 'reclaim', ratePerSec: 1 })
    const facts = Object.fromEntries(profileFacts(p))
    expect(facts.Machine).toBe('4 CPUs, isolated 2-3, 16 GiB, HZ 1000')
    expect(facts['Realtime tasks']).toBe('poll (polling, CPU 2, 100 µs period, 20 µs runtime, 300 pages)')
    expect(facts['Drain sources']).toBe('reclaim 1/s')
    expect(facts.Run).toBe('1000 ms, seeds 1')
  })
})

describe('overview cards from results', () => {
  it('shows no drain time (not a "best" 0 ns) when no drain completed', () => {
    const job = (variant: 'workqueue' | 'direct', completed: number) => ({
      id: variant, variant, seed: 1, sweepPoint: null, status: 'completed' as const,
      result: { drains: { completed }, tasks: [{ activations: 10 }], strandedPages: { tNs: [0], values: [100] }, partial: false }
    })
    const agg = (variant: 'workqueue' | 'direct', metric: string, v: number) => ({ variant, sweepPoint: null, metric, seeds: 1, mean: v, min: v, max: v, stddev: 0 })
    const results = {
      schemaVersion: 1, engineVersion: 'e', profile: newProfile(),
      jobs: [job('workqueue', 0), job('direct', 3)],
      aggregates: [agg('workqueue', 'drainP99Ns', 0), agg('direct', 'drainP99Ns', 50_000), agg('workqueue', 'misses', 0), agg('direct', 'misses', 0)]
    } as unknown as Parameters<typeof overviewCards>[0]
    const cards = overviewCards(results)
    expect(cards.find((c) => c.variant === 'workqueue')!.values.drainP99Ns).toBeNaN()
    expect(cards.find((c) => c.variant === 'direct')!.values.drainP99Ns).toBe(50_000)
    expect(bestVariants(cards, 'drainP99Ns').size).toBe(0)
  })
})
