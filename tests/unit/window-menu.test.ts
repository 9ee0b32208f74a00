import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, recentLabel, type MenuContext } from '../../src-main/app/menu'
import type { AppCommand } from '../../src-shared/app-commands'

function context(overrides: Partial<MenuContext> = {}) {
  const sent: Array<[AppCommand, string | undefined]> = []
  const ctx: MenuContext = { appName: 'Drain Lab', isMac: false, devTools: false, recentProfiles: [], send: (c, a) => sent.push([c, a]), ...overrides }
  return { ctx, sent }
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[]
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label || i.role === label)
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)()

describe('application menu', () => {
  it('has File, Edit, Run, View and Help with the items of the issue', () => {
    const template = buildMenuTemplate(context().ctx)
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Run', 'View', 'help'])
    expect(submenu(template[0]).filter((i) => i.label).map((i) => i.label)).toEqual(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import Measurements…', 'Export…'])
    expect(submenu(template[2]).map((i) => i.label)).toEqual(['Start', 'Cancel'])
    const view = submenu(template[3])
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen'])
    expect(view[0].label).toMatch(/Theme/)
    expect(submenu(template[4]).map((i) => i.label)).toEqual(['About Drain Lab'])
  })

  it('sends each command to the renderer', () => {
    const { ctx, sent } = context()
    const [file, , run, view, help] = buildMenuTemplate(ctx)
    for (const label of ['New', 'Open…', 'Save', 'Save As…', 'Import Measurements…', 'Export…']) click(byLabel(submenu(file), label))
    for (const label of ['Start', 'Cancel']) click(byLabel(submenu(run), label))
    click(submenu(view)[0])
    click(submenu(help)[0])
    expect(sent.map(([c]) => c)).toEqual(['new', 'open', 'save', 'save-as', 'import', 'export', 'run', 'cancel', 'theme', 'about'])
  })

  it('lists recent profiles and opens the one clicked', () => {
    const { ctx, sent } = context({ recentProfiles: ['/home/u/a.drainlab.json', '/home/u/b.drainlab.json'] })
    const recent = submenu(byLabel(submenu(buildMenuTemplate(ctx)[0]), 'Open Recent'))
    expect(recent.map((i) => i.label)).toEqual(['/home/u/a.drainlab.json', '/home/u/b.drainlab.json'])
    click(recent[1])
    expect(sent).toEqual([['open-recent', '/home/u/b.drainlab.json']])
    const empty = submenu(byLabel(submenu(buildMenuTemplate(context().ctx)[0]), 'Open Recent'))
    expect(empty).toEqual([{ label: 'No recent profiles', enabled: false }])
  })

  it('leaves keys the renderer handles unregistered, so they fire once', () => {
    const file = submenu(buildMenuTemplate(context().ctx)[0])
    expect(byLabel(file, 'Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false })
    expect(byLabel(file, 'New')).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: true })
  })

  it('adds the macOS app menu and the developer tools only when asked', () => {
    const mac = buildMenuTemplate(context({ isMac: true, devTools: true }).ctx)
    expect(mac[0].label).toBe('Drain Lab')
    expect(submenu(mac[4]).some((i) => i.role === 'toggleDevTools')).toBe(true)
    expect(submenu(mac[1]).some((i) => i.role === 'quit')).toBe(false)
    const linux = buildMenuTemplate(context().ctx)
    expect(submenu(linux[3]).some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(submenu(linux[0]).some((i) => i.role === 'quit')).toBe(true)
  })

  it('shortens long recent paths from the left', () => {
    const long = `/home/u/${'deep/'.repeat(30)}profile.drainlab.json`
    expect(recentLabel(long)).toHaveLength(60)
    expect(recentLabel(long).endsWith('profile.drainlab.json')).toBe(true)
  })
})
