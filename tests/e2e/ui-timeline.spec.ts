// Results → Timeline in real Chromium against `drainlab serve`: the canvas draws every CPU's lane, the
// wheel zooms around the cursor, "Jump to worst" brings the worst latency sample into view, hovering its
// CPU's lane there names the segment with its start, and the Worst case tab opens a sample on the timeline.
import { expect, test } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { expectChartDrawn, pickPreset, SCREENSHOTS, shortRun } from './ui-helpers'

/** The lane layout of timeline-geometry.ts: axis 22 px, a 16 px header per group, 24 px per lane, labels 118 px wide. */
const AXIS = 22
const HEADER = 16
const LANE = 24
const LABELS = 118

test('the timeline renders, zooms, jumps to the worst sample, and opens from the Worst case tab', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  // 8 CPUs: housekeeping 0-1, isolated 2-7, each running a 1 kHz loop
  await pickPreset(page, '1 kHz control loop')
  await shortRun(page, 300)
  await page.getByTestId('run-open-results').click()
  await page.locator('.n-tabs-tab', { hasText: 'Timeline' }).click()
  await expectChartDrawn(page, 'timeline-canvas')
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-run.png` })

  const range = page.getByTestId('timeline-range')
  const view = async () => ({ from: Number(await range.getAttribute('data-from-ns')), to: Number(await range.getAttribute('data-to-ns')) })
  expect(await view()).toEqual({ from: 0, to: 300_000_000 })

  // the wheel zooms in around the cursor: the time under it stays put
  const canvas = page.getByTestId('timeline-canvas')
  const box = (await canvas.boundingBox())!
  const plot = box.width - LABELS
  const x = box.x + LABELS + plot * 0.75
  await page.mouse.move(x, box.y + AXIS + 30)
  await page.mouse.wheel(0, -500)
  await expect.poll(async () => { const v = await view(); return v.to - v.from }).toBeLessThan(150_000_000)
  const zoomed = await view()
  expect(zoomed.from + 0.75 * (zoomed.to - zoomed.from)).toBeCloseTo(225_000_000, -6)

  // jump to the worst sample: its start (release + latency) is in view, at a µs scale
  const jump = page.getByTestId('timeline-jump-worst')
  const cpu = Number(await jump.getAttribute('data-worst-cpu'))
  const startNs = Number(await jump.getAttribute('data-worst-start-ns'))
  await jump.click()
  await expect.poll(async () => { const v = await view(); return v.from <= startNs && startNs < v.to && v.to - v.from < 1_000_000 }).toBe(true)
  await expectChartDrawn(page, 'timeline-canvas')

  // just after the start the worst task runs on its CPU's lane
  const v = await view()
  const atX = box.x + LABELS + ((startNs + 500 - v.from) / (v.to - v.from)) * plot
  const laneTop = AXIS + HEADER + 2 * LANE + HEADER + (cpu - 2) * LANE
  await page.mouse.move(atX, box.y + laneTop + LANE / 2)
  const tooltip = page.getByTestId('timeline-tooltip')
  await expect(tooltip).toContainText(`CPU ${cpu}: realtime task`)
  await expect(tooltip).toContainText('start')
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-worst.png` })

  // the chain in words: the kworker's IRQs-off drain, and which request on which CPU put it there
  await expect(page.getByTestId('timeline-worst-chain')).toContainText(/requested by (reclaim|compaction) on CPU [01] at .*IRQs off/)

  // the Worst case tab tells the same chain, and opens another variant's worst sample on the timeline
  await page.locator('.n-tabs-tab', { hasText: 'Worst case' }).click()
  await expect(page.getByTestId('worst-chain-workqueue-1')).toContainText(/requested by (reclaim|compaction) on CPU [01] at .*IRQs off/)
  await page.getByTestId('worst-open-timeline-direct-1').click()
  await expect(page.getByTestId('timeline-variant')).toContainText('direct')
  const directStart = Number(await jump.getAttribute('data-worst-start-ns'))
  expect(directStart).not.toBe(startNs)
  await expect.poll(async () => { const d = await view(); return d.from <= directStart && directStart < d.to && d.to - d.from < 1_000_000 }).toBe(true)
})
