// Small things a new user hits in the first minutes (issue 15, point 9), in real Chromium: a view's shortcut
// must not stay on screen over the controls after a click, every switch has an accessible name, Open Recent
// knows what the browser opened, and "Design a sweep" lands on the sweep.
import { expect, test } from '@playwright/test'
import { writeFile } from 'node:fs/promises'
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

test('Open Recent lists a profile opened through the browser\'s file picker, and opens it again', async ({ page }, info) => {
  await page.goto('/')
  const file = info.outputPath('recent.drainlab.json')
  await writeFile(file, JSON.stringify({ schemaVersion: 1, name: 'Opened in the browser', machine: { cpus: 4, isolated: '2-3' } }))
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'Open…' }).click()
  await (await chooser).setFiles(file)
  await expect(page.getByTestId('input-name')).toHaveValue('Opened in the browser')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'New' }).click()
  await expect(page.getByTestId('input-name')).toHaveValue('Untitled experiment')
  // after a reload too: the list is kept in the browser
  await page.reload()
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'Open Recent' }).hover()
  await page.locator('.n-dropdown-option', { hasText: /^recent\.drainlab\.json$/ }).click()
  await expect(page.getByTestId('input-name')).toHaveValue('Opened in the browser')
})

test('"Design a sweep" lands on the Sweep section of Design', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('nav-sweep').click()
  await page.getByTestId('sweep-design').click()
  await expect(page.getByTestId('view-design')).toBeVisible()
  await expect(page.locator('#section-sweep')).toBeInViewport()
  await expect(page.locator('#section-machine')).not.toBeInViewport()
})
