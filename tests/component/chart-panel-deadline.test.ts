// @vitest-environment happy-dom
// The deadline line is optional (issue 15, point 4): a latency chart opens fitted to its data, since the
// line stretches its axis to the deadline (µs-scale samples became one column of a 0–1000 µs histogram);
// the button adds the line and takes it away again.
import { mount } from '@vue/test-utils'
import type { ChartConfiguration } from 'chart.js'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'

const created = vi.hoisted(() => [] as Array<{ threshold?: unknown }>)
vi.mock('../../src-renderer/src/charts/interactive-chart', () => ({
  createInteractiveChart: (_canvas: unknown, _config: unknown, opts: { threshold?: unknown }) => {
    created.push(opts)
    return { destroy: () => undefined, resetZoom: () => undefined, clearMarkers: () => undefined }
  }
}))
vi.mock('../../src-renderer/src/charts/register-chart-js', () => ({ applyChartTheme: () => undefined }))

const { default: ChartPanel } = await import('../../src-renderer/src/components/ChartPanel.vue')

const config = { type: 'line', data: { datasets: [] }, options: {} } as unknown as ChartConfiguration
const threshold = { axis: 'x' as const, value: 1000, label: 'deadline 1000 µs' }

function mountPanel() {
  return mount(defineComponent({ render: () => h(NMessageProvider, null, () => h(ChartPanel, { chartId: 'latency-histogram', config, threshold, fileStem: 'x' })) }), { attachTo: document.body })
}

describe('chart panel: the deadline line', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    created.length = 0
  })

  it('draws the chart without the line at first, so the axis fits the data', async () => {
    const w = mountPanel()
    await nextTick()
    expect(created.at(-1)).toBeDefined()
    expect(created.at(-1)!.threshold).toBeUndefined()
    expect(w.get('[data-testid="chart-threshold-latency-histogram"]').text()).toBe('Show deadline')
    w.unmount()
  })

  it('adds the line on a click and removes it on the next', async () => {
    const w = mountPanel()
    await nextTick()
    const button = w.get('[data-testid="chart-threshold-latency-histogram"]')
    await button.trigger('click')
    await nextTick()
    expect(created.at(-1)!.threshold).toEqual(threshold)
    expect(button.text()).toBe('Hide deadline')
    await button.trigger('click')
    await nextTick()
    expect(created.at(-1)!.threshold).toBeUndefined()
    w.unmount()
  })
})
