// Small things a new user hits in the first minutes (issue 15, point 9), in real Chromium: a view's shortcut
// must not stay on screen over the controls after a click, and every switch has an accessible name.
import { expect, test } from '@playwright/test'
import { pickPreset } from './ui-helpers'

test('nav shortcuts leave nothing on screen after a click', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('status-host')).toContainText('connected')
  const results = page.getByTestId('nav-results')
  await results.hover()
  await results.click()
  await expect(page.getByTestId('view-results')).toBeVisible()
  // the pointer stays on the button, past any tooltip delay: no popup with the shortcut covers the view
  await page.waitForTimeout(1200)
  await expect(page.locator('.n-tooltip, [role="tooltip"]')).toHaveCount(0)
  await expect(results).toHaveAttribute('aria-keyshortcuts', 'Control+3')
  await expect(results).toHaveAttribute('title', 'Results (Ctrl+3)')
})

test('every switch of the Design view has an accessible name', async ({ page }) => {
  await page.goto('/')
  await pickPreset(page, '1 kHz control loop')
  const switches = page.getByRole('switch')
  expect(await switches.count()).toBeGreaterThan(0)
  for (const s of await switches.all()) await expect(s).toHaveAccessibleName(/\S/)
  await expect(page.getByRole('switch', { name: 'Sweep one or two parameters' })).toBeVisible()
})
