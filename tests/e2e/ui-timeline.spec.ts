// Results → Timeline in real Chromium against `drainlab serve`: the canvas draws every CPU's lane, the
// wheel zooms around the cursor, "Jump to worst" brings the worst latency sample into view, hovering its
// CPU's lane there names the segment with its start, and the Worst case tab opens a sample on the timeline;
// a click on a segment or a miss explains it in the side panel, with the pages the drain freed there; the
// visible window exports as PNG and SVG; markers A and B, placed by mouse and by key, read the time between
// them; two variants stack on one axis; a window the cap left out is recorded on request and drawn in place
// of the stored timeline; a zone drain's wait for pcpu_drain_mutex is tinted under its requester's lane and
// named on hover.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { mkdir, readFile } from 'node:fs/promises'
import { formatNs } from '../../src-shared/units'
import { expectChartDrawn, pickPreset, SCREENSHOTS, shortRun } from './ui-helpers'

/** The lane layout of timeline-geometry.ts: axis 22 px, a 16 px header per group, 24 px per lane, labels 118 px wide. */
const AXIS = 22
const HEADER = 16
const LANE = 24
const LABELS = 118

/** The 1 kHz preset run for `durationMs` (after `prepare` edits the profile), open on Results → Timeline. */
async function shortRunOnTimeline(page: Page, prepare: (page: Page) => Promise<void> = async () => {}, durationMs = 100): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await pickPreset(page, '1 kHz control loop')
  await prepare(page)
  await shortRun(page, durationMs)
  await page.getByTestId('run-open-results').click()
  await page.locator('.n-tabs-tab', { hasText: 'Timeline' }).click()
  await expectChartDrawn(page, 'timeline-canvas')
  await settledBox(page.getByTestId('timeline-canvas'))
}

/**
 * The canvas's box once it has stopped moving: the same over two reads 250 ms apart. The Timeline tab's pane
 * slides in (naive-ui's tab transition): a box read as the chart first draws can be up to 4.5 px right of
 * where the canvas comes to rest, and a click placed from it lands that far off (a CI run put marker A 2.5 px
 * from 25 ms this way).
 */
async function settledBox(canvas: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let box = (await canvas.boundingBox())!
  await expect.poll(async () => {
    await canvas.page().waitForTimeout(250)
    const now = (await canvas.boundingBox())!
    const same = now.x === box.x && now.y === box.y && now.width === box.width && now.height === box.height
    box = now
    return same
  }, { message: 'the timeline canvas stops moving' }).toBe(true)
  return box
}

test('the timeline renders, zooms, jumps to the worst sample, and opens from the Worst case tab', async ({ page }) => {
  test.setTimeout(180_000)
  // 8 CPUs: housekeeping 0-1, isolated 2-7, each running a 1 kHz loop
  await shortRunOnTimeline(page, undefined, 300)
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
  await expect(page.getByTestId('timeline-worst-chain')).toContainText(/requested by (reclaim|compaction) on CPU [01] at .*IRQs off.* → \d+ pages freed from CPU \d's pcplist$/)

  // a click on the IRQs-off drain in the worst sample explains it in the side panel: its drain_all_pages()
  // call from the request through each step on this CPU
  let drainX = -1
  for (let k = 0; k < 40 && drainX < 0; k++) {
    const ns = startNs - ((k + 0.5) / 40) * (startNs - Number(await jump.getAttribute('data-worst-release-ns')))
    const px = box.x + LABELS + ((ns - v.from) / (v.to - v.from)) * plot
    await page.mouse.move(px, box.y + laneTop + LANE / 2)
    if ((await tooltip.textContent({ timeout: 1000 }).catch(() => ''))?.includes('IRQs off')) drainX = px
  }
  expect(drainX, 'an IRQs-off drain within the worst sample').toBeGreaterThan(0)
  await page.mouse.click(drainX, box.y + laneTop + LANE / 2)
  const explain = page.getByTestId('timeline-explain')
  await expect(explain).toContainText(`CPU ${cpu}: drain_local_pages_wq`)
  await expect(page.getByTestId('timeline-explain-request')).toContainText(/drain_all_pages\(\) #\d+ requested by (reclaim|compaction) on CPU [01] at/)
  const steps = page.getByTestId('timeline-explain-steps').locator('li')
  await expect(steps.filter({ hasText: 'IRQs off' })).toHaveCount(1)
  await expect(steps.filter({ hasText: 'kworker wake / context switch' }).first()).toBeVisible()
  await expect(page.getByTestId('timeline-explain-pages')).toHaveText(new RegExp(`^[1-9]\\d* pages? freed from CPU ${cpu}'s pcplist$`))
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-segment-chain.png` })

  // PNG and SVG of the visible window download; the PNG is a PNG of the canvas's size, the SVG parses and
  // draws the lanes' segments in the legend's colours
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-png').click()])
  expect(png.suggestedFilename()).toMatch(/-timeline-workqueue-seed1\.png$/)
  const pngBytes = await readFile((await png.path())!)
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const size = await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])
  expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual(size)
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-svg').click()])
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/)
  const svg = await readFile((await svgFile.path())!, 'utf8')
  await svgFile.saveAs(`${SCREENSHOTS}/timeline-export.svg`)
  await png.saveAs(`${SCREENSHOTS}/timeline-export.png`)
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    const fills = [...doc.querySelectorAll('path')].map((p) => p.getAttribute('fill')?.toUpperCase())
    const count = (colour: string) => fills.filter((f) => f === colour).length
    return {
      error: doc.querySelector('parsererror') !== null,
      width: Number(doc.documentElement.getAttribute('width')),
      labels: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      ipi: count('#56B4E9'), kworker: count('#E69F00'), irqsOff: count('#D55E00'), task: count('#BBBBBB')
    }
  }, svg)
  expect(parsed.error).toBe(false)
  expect(parsed.width).toBeCloseTo(box.width, 0)
  expect(parsed.labels).toEqual(expect.arrayContaining(['CPU 0', 'CPU 7', 'isolated CPUs']))
  // every CPU drains here (the screenshot above): at least one IRQs-off drain, IPI and kworker switch per isolated CPU
  for (const n of [parsed.ipi, parsed.kworker, parsed.irqsOff]) expect(n).toBeGreaterThanOrEqual(6)
  expect(parsed.task).toBeGreaterThan(0)

  // the Worst case tab tells the same chain, with the breakdown as a bar that sums to the latency, and opens
  // another variant's worst sample on the timeline
  const worstNs = startNs - Number(await jump.getAttribute('data-worst-release-ns'))
  await page.locator('.n-tabs-tab', { hasText: 'Worst case' }).click()
  await expect(page.getByTestId('worst-chain-workqueue-1')).toContainText(/requested by (reclaim|compaction) on CPU [01] at .*IRQs off/)
  const worstParts = page.getByTestId('worst-breakdown-workqueue-1').locator('li')
  await expect(worstParts.filter({ hasText: 'drain-irqoff' })).toHaveCount(1)
  expect((await worstParts.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-ns'))))).reduce((a, b) => a + b, 0)).toBe(worstNs)
  await page.screenshot({ path: `${SCREENSHOTS}/worst-case-breakdown.png` })
  await page.getByTestId('worst-open-timeline-direct-1').click()
  await expect(page.getByTestId('timeline-variant')).toContainText('direct')
  const directStart = Number(await jump.getAttribute('data-worst-start-ns'))
  expect(directStart).not.toBe(startNs)
  await expect.poll(async () => { const d = await view(); return d.from <= directStart && directStart < d.to && d.to - d.from < 1_000_000 }).toBe(true)
})

test('two markers, by a click on the axis and by M at the cursor, read the time between them; Esc and the button clear them', async ({ page }) => {
  test.setTimeout(120_000)
  await shortRunOnTimeline(page)

  const canvas = page.getByTestId('timeline-canvas')
  const box = await settledBox(canvas)
  const plot = box.width - LABELS
  const xAt = (fraction: number) => box.x + LABELS + plot * fraction
  const markers = page.getByTestId('timeline-markers')
  const delta = page.getByTestId('timeline-marker-delta')
  // the whole 100 ms run is in view: a quarter of the plot is 25 ms
  const range = page.getByTestId('timeline-range')
  await expect(range).toHaveAttribute('data-from-ns', '0')
  await expect(range).toHaveAttribute('data-to-ns', '100000000')
  await page.mouse.click(xAt(0.25), box.y + AXIS / 2)
  await expect(delta).toContainText('place B')
  // the markers' text takes the hint's place in the toolbar: the canvas stays under the cursor
  const moved = (await canvas.boundingBox())!
  expect(Math.abs(moved.y - box.y)).toBeLessThan(2)
  expect(moved.width).toBeCloseTo(box.width, 0)
  // B from where the canvas is now: a scrollbar that comes or goes with the toolbar text may shift it sideways
  await page.mouse.move(moved.x + LABELS + (moved.width - LABELS) * 0.5, moved.y + AXIS + HEADER + LANE)
  await canvas.press('m')
  await expect(delta).toContainText('Δ')
  const a = Number(await markers.getAttribute('data-a-ns'))
  const b = Number(await markers.getAttribute('data-b-ns'))
  const pxNs = 100_000_000 / plot
  expect(Math.abs(a - 25_000_000)).toBeLessThanOrEqual(2 * pxNs)
  expect(Math.abs(b - 50_000_000)).toBeLessThanOrEqual(2 * pxNs)
  await expect(delta).toHaveText(`A ${formatNs(a)} · B ${formatNs(b)} · Δ ${formatNs(b - a)}`)

  // both lines are drawn in the markers' colour across the lanes
  const markerPixel = (ns: number) => page.evaluate(([x, y]) => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="timeline-canvas"]')!
    const dpr = window.devicePixelRatio || 1
    return [...c.getContext('2d')!.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data.slice(0, 3)]
  }, [Math.round(LABELS + (ns / 100_000_000) * plot), AXIS + HEADER + LANE / 2])
  // (the canvas redraws on the next animation frame)
  await expect.poll(() => markerPixel(a)).toEqual([0x7b, 0x61, 0xff])
  await expect.poll(() => markerPixel(b)).toEqual([0x7b, 0x61, 0xff])
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-markers.png` })

  // Esc clears them; the button clears them too; a third placement starts over at A
  await canvas.press('Escape')
  await expect(markers).toHaveCount(0)
  await page.mouse.click(xAt(0.1), box.y + AXIS / 2)
  await expect(delta).toContainText('place B')
  const shifted = (await canvas.boundingBox())!
  await page.mouse.click(xAt(0.2), shifted.y + AXIS / 2)
  await page.mouse.click(xAt(0.3), shifted.y + AXIS / 2)
  await expect(delta).toContainText('place B')
  await page.getByTestId('timeline-clear-markers').click()
  await expect(markers).toHaveCount(0)
})

test('stepping to a deadline miss explains it: its breakdown sums to its response, and what held its CPU', async ({ page }) => {
  test.setTimeout(120_000)
  // loop2's jobs run 150–250 µs: a 240 µs deadline makes some of them miss, more so behind a drain
  await shortRunOnTimeline(page, (p) => p.getByTestId('input-rtTasks.0.deadlineUs').fill('240'))
  await expect(page.getByTestId('timeline-explain-empty')).toBeVisible()

  await page.getByTestId('timeline-next-miss').click()
  const miss = page.getByTestId('timeline-explain-miss')
  await expect(miss).toContainText(/loop2 released at .* finished after .* \(deadline 240 µs\)/)
  const value = Number(await miss.getAttribute('data-value-ns'))
  expect(value).toBeGreaterThan(240_000)
  const parts = page.getByTestId('breakdown-parts').locator('li')
  const ns = await parts.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-ns'))))
  expect(ns.reduce((a, b) => a + b, 0)).toBe(value)
  await expect(parts.filter({ hasText: 'runtime' })).toHaveCount(1)
  await expect(page.getByTestId('timeline-explain-chain')).not.toBeEmpty()
  const first = await miss.textContent()

  // the next miss explains another one; Esc closes the panel
  await page.getByTestId('timeline-next-miss').click()
  await expect(miss).not.toHaveText(first!)
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-miss.png` })
  await page.getByTestId('timeline-canvas').press('Escape')
  await expect(page.getByTestId('timeline-explain-empty')).toBeVisible()
})

test('two variants stacked on one time axis: the second run\'s lanes under the first\'s, each group headed by its variant', async ({ page }) => {
  test.setTimeout(120_000)
  await shortRunOnTimeline(page)
  const canvas = page.getByTestId('timeline-canvas')
  const cssHeight = () => canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().height)
  const alone = await cssHeight()

  await page.getByTestId('timeline-stack-with').click()
  await page.locator('.n-base-select-option', { hasText: /^stack with direct$/ }).click()
  // 8 more lanes and their 2 group headers
  await expect.poll(cssHeight).toBe(alone + 8 * LANE + 2 * HEADER)
  await expectChartDrawn(page, 'timeline-canvas')
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-stacked.png` })

  // the SVG of the view names both runs' groups, in order
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-svg').click()])
  const svg = await readFile((await svgFile.path())!, 'utf8')
  const headers = [...svg.matchAll(/>([^<]* · (?:housekeeping|isolated) CPUs)</g)].map((m) => m[1])
  expect(headers).toEqual(['workqueue · housekeeping CPUs', 'workqueue · isolated CPUs', 'direct · housekeeping CPUs', 'direct · isolated CPUs'])

  // hovering a lane of the second run names its segment; "none" takes it away again
  const box = (await canvas.boundingBox())!
  const directIsolatedTop = alone + HEADER + 2 * LANE + HEADER
  await page.mouse.move(box.x + LABELS + (box.width - LABELS) * 0.5, box.y + directIsolatedTop + LANE / 2)
  await expect(page.getByTestId('timeline-tooltip')).toContainText('CPU 2:')
  await page.getByTestId('timeline-stack-with').click()
  await page.locator('.n-base-select-option', { hasText: 'stack with: none' }).click()
  await expect.poll(cssHeight).toBe(alone)
})

test('a window the cap left out is recorded on request: the job runs again and the window\'s segments are drawn', async ({ page }) => {
  test.setTimeout(180_000)
  // 15 s of the 1 kHz preset record ~270 000 records, past the cap of 200 000: only the worst sample's 2 ms are kept
  await shortRunOnTimeline(page, undefined, 15_000)
  const record = page.getByTestId('timeline-record-window')
  await expect(record).toBeVisible()

  // zoom to ~5 ms around the quarter (or three quarters) of the run farthest from the worst sample
  const range = page.getByTestId('timeline-range')
  const view = async () => ({ from: Number(await range.getAttribute('data-from-ns')), to: Number(await range.getAttribute('data-to-ns')) })
  const worstAt = Number(await page.getByTestId('timeline-jump-worst').getAttribute('data-worst-release-ns'))
  const fraction = worstAt > 7_500_000_000 ? 0.25 : 0.75
  const canvas = page.getByTestId('timeline-canvas')
  const box = (await canvas.boundingBox())!
  const plot = box.width - LABELS
  await page.mouse.move(box.x + LABELS + plot * fraction, box.y + AXIS + 30)
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -500)
  await expect.poll(async () => { const v = await view(); return v.to - v.from }).toBeLessThan(6_000_000)
  const zoomed = await view()
  expect(Math.abs(zoomed.from - worstAt)).toBeGreaterThan(1_000_000_000)

  // nothing is recorded there: hovering CPU 2's lane names nothing
  const laneY = box.y + AXIS + HEADER + 2 * LANE + HEADER + LANE / 2
  const tooltip = page.getByTestId('timeline-tooltip')
  await page.mouse.move(box.x + LABELS + plot * 0.5, laneY)
  await expect(tooltip).toHaveCount(0)
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-window-unrecorded.png` })

  await record.click()
  const note = page.getByTestId('timeline-rerecorded')
  await expect(note).toContainText('re-recorded window', { timeout: 60_000 })
  // the view stays on the window, and its segments are drawn and named
  expect(await view()).toEqual(zoomed)
  // the window asked for is the visible one, in whole ns
  expect(Number(await note.getAttribute('data-from-ns'))).toBeCloseTo(zoomed.from, -1)
  expect(Number(await note.getAttribute('data-until-ns'))).toBeCloseTo(zoomed.to, -1)
  await expectChartDrawn(page, 'timeline-canvas')
  // (the note above the canvas may have wrapped onto another line)
  const moved = (await canvas.boundingBox())!
  const movedLaneY = laneY + moved.y - box.y
  await page.mouse.move(box.x + LABELS + plot * 0.5 + 1, movedLaneY)
  await expect(tooltip).toContainText(/CPU 2: (realtime task|idle|kworker|IPI)/)
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-window-recorded.png` })

  // back to the stored timeline: nothing there again
  await page.getByTestId('timeline-stored').click()
  await expect(note).toHaveCount(0)
  await page.mouse.move(box.x + LABELS + plot * 0.5 + 2, box.y + AXIS + HEADER + 2 * LANE + HEADER + LANE / 2 + (await canvas.boundingBox())!.y - box.y)
  await expect(tooltip).toHaveCount(0)
})

test('a zone drain waiting for pcpu_drain_mutex is drawn on its requester\'s lane, named on hover and in the legend', async ({ page }) => {
  test.setTimeout(120_000)
  // 2 000 compactions a second: their zone requests often find the mutex held by the drain before them
  await shortRunOnTimeline(page, (p) => p.getByTestId('input-drainSources.1.ratePerSec').fill('2000'))
  await expect(page.locator('.legend')).toContainText('waiting for pcpu_drain_mutex')
  const canvas = page.getByTestId('timeline-canvas')
  const box = (await canvas.boundingBox())!
  const plot = box.width - LABELS
  const tooltip = page.getByTestId('timeline-tooltip')
  // CPU 0 (housekeeping, the drain sources' CPU): the middle of its own band, where the wait is tinted under it;
  // zoomed to 5 ms spans one after another, so that the requests' ticks leave room to hover between them
  const y = box.y + AXIS + HEADER + LANE / 2
  let found = -1
  for (let span = 0; span < 10 && found < 0; span++) {
    await page.getByTestId('timeline-whole').click()
    await page.mouse.move(box.x + LABELS + ((span + 0.5) / 10) * plot, y)
    await page.mouse.wheel(0, -1500)
    for (let k = 0; k < 100 && found < 0; k++) {
      const x = box.x + LABELS + ((k + 0.5) / 100) * plot
      await page.mouse.move(x, y)
      if ((await tooltip.textContent({ timeout: 200 }).catch(() => ''))?.includes('waiting for pcpu_drain_mutex')) found = x
    }
  }
  expect(found, 'a drain-mutex-wait on CPU 0').toBeGreaterThan(0)
  await expect(tooltip).toContainText(/CPU 0: drain_all_pages\(zone\) waiting for pcpu_drain_mutex · start .* · duration .* · drain_all_pages\(\) #\d+/)
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-mutex-wait.png` })
  // a click explains its drain_all_pages() call, the wait among its steps on CPU 0
  await page.mouse.move(found, y)
  await page.mouse.click(found, y)
  await expect(page.getByTestId('timeline-explain-steps')).toContainText('waiting for pcpu_drain_mutex')
})
