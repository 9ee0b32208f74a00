// Shared steps of the UI end-to-end tests: reading canvas pixels, screenshots per view and theme.
import { expect, type Locator, type Page } from '@playwright/test'

export const SCREENSHOTS = 'test-results/screenshots'

/** Number of distinct colours sampled on a chart canvas: a blank or background-only canvas gives 1–2. */
export async function canvasColours(page: Page, testid: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx || canvas.width === 0) return 0
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 13) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])
    return colours.size
  }, testid)
}

/** Waits until a chart canvas has drawn beyond its background: a chart draws after layout, not the moment its view shows. */
export async function expectChartDrawn(page: Page, testid: string): Promise<void> {
  await expect.poll(() => canvasColours(page, testid), { message: `${testid} has content` }).toBeGreaterThan(8)
}

/**
 * Opens a Results tab and waits until its pane is the only one shown: the panes fade from one to the next, and a
 * list of ":visible" charts read meanwhile held the previous tab's too — one of which then hid, and its screenshot
 * waited for it until the test timed out.
 */
export async function openResultsTab(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="view-results"] .n-tabs-tab', { hasText: name }).click()
  await expect(page.locator('[data-testid="view-results"] .n-tab-pane:visible')).toHaveCount(1)
}

/** Waits until every chart canvas `canvases` matches has drawn. */
export async function expectChartsDrawn(page: Page, canvases: Locator): Promise<void> {
  const ids = await canvases.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
  for (const id of ids) await expectChartDrawn(page, id)
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

export async function pickPreset(page: Page, name: string): Promise<void> {
  // edits since the last save: the unsaved-changes guard asks first. It asks exactly when the draft is dirty,
  // which the title's marker shows, so that decides it; a dialog not yet on screen 1.5 s after the click (a
  // loaded machine) was taken for no dialog, and every clean pick waited those 1.5 s
  const asked = await page.getByTestId('dirty-marker').isVisible()
  await page.getByTestId('preset-picker').click()
  await page.locator('.n-base-select-option', { hasText: name }).first().click()
  if (asked) await page.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page.getByTestId('preset-description')).toBeVisible()
}

/** A short run: every variant, one seed, 100 ms of simulated time. */
export async function shortRun(page: Page, durationMs = 100): Promise<void> {
  await page.getByTestId('nav-design').click()
  await page.getByTestId('input-run.durationMs').fill(String(durationMs))
  await page.getByTestId('input-run.seeds').fill('1')
  await expect(page.getByTestId('design-run')).toBeEnabled()
  await page.getByTestId('design-run').click()
  await expect(page.getByTestId('view-run')).toBeVisible()
  await expect(page.getByTestId('run-progress')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('run-finished')).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('run-finished')).toHaveAttribute('data-status', 'completed')
}
