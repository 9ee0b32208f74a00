// The Results charts of the stress and 1 kHz presets, Latency and Drains tabs, in both themes
// (test-results/screenshots/charts-*.png): what a user reads first, looked at after every chart change.
import { expect, test } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { expectChartsDrawn, openResultsTab, pickPreset, SCREENSHOTS, setTheme, shortRun } from './ui-helpers'

test.describe.configure({ mode: 'serial' })

for (const [preset, stem] of [['Stress test from the series', 'stress'], ['1 kHz control loop', '1khz']] as const) {
  test(`charts of the ${stem} preset`, async ({ page }) => {
    test.setTimeout(240_000)
    await mkdir(SCREENSHOTS, { recursive: true })
    await page.setViewportSize({ width: 1400, height: 1000 })
    await page.goto('/')
    await pickPreset(page, preset)
    await shortRun(page, 300)
    await page.getByTestId('run-open-results').click()
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme)
      for (const tab of ['Latency', 'Drains']) {
        await openResultsTab(page, tab)
        const canvases = page.locator('.n-tab-pane:visible canvas[data-testid^="chart-canvas-"]')
        await expect(canvases.first()).toBeVisible()
        await expectChartsDrawn(page, canvases)
        await page.screenshot({ path: `${SCREENSHOTS}/charts-${stem}-${tab.toLowerCase()}-${theme}.png`, fullPage: true })
        // each chart at full resolution, to read its legend, notes and ticks
        if (theme === 'light') {
          for (const id of await canvases.evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('chart-canvas-', '')))) {
            await page.getByTestId(`chart-${id}`).screenshot({ path: `${SCREENSHOTS}/chart-${stem}-${id}.png` })
          }
        }
      }
    }
  })
}
