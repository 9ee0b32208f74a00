// The application menu as data. Items that act on the document or the run send a command to the
// renderer (which owns that state); zoom, fullscreen and editing use Electron's built-in roles.
// Shortcuts the renderer already handles itself (save, open, run, cancel) are shown in the menu but
// not registered, so one key press never triggers an action twice.
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../src-shared/app-commands'

export interface MenuContext {
  appName: string
  isMac: boolean
  /** Offer the developer tools (development builds only). */
  devTools: boolean
  /** Most recent first; shown under File > Open Recent. */
  recentProfiles: readonly string[]
  send(command: AppCommand, argument?: string): void
}

function command(ctx: MenuContext, label: string, name: AppCommand, accelerator?: string, registerAccelerator = true): MenuItemConstructorOptions {
  return { label, click: () => ctx.send(name), ...(accelerator ? { accelerator, registerAccelerator } : {}) }
}

/** A long path is shortened from the left, keeping the file name readable. */
export function recentLabel(path: string, maxLength = 60): string {
  return path.length <= maxLength ? path : `…${path.slice(path.length - maxLength + 1)}`
}

function openRecentMenu(ctx: MenuContext): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = ctx.recentProfiles.length === 0
    ? [{ label: 'No recent profiles', enabled: false }]
    : ctx.recentProfiles.map((path) => ({ label: recentLabel(path), click: () => ctx.send('open-recent', path) }))
  return { label: 'Open Recent', submenu: items }
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = ctx.isMac
    ? [{
        label: ctx.appName,
        submenu: [command(ctx, `About ${ctx.appName}`, 'about'), { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }]
      }]
    : []
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command(ctx, 'New', 'new', 'CmdOrCtrl+N'),
      command(ctx, 'Open…', 'open', 'CmdOrCtrl+O', false),
      openRecentMenu(ctx),
      { type: 'separator' },
      command(ctx, 'Save', 'save', 'CmdOrCtrl+S', false),
      command(ctx, 'Save As…', 'save-as', 'CmdOrCtrl+Shift+S', false),
      { type: 'separator' },
      command(ctx, 'Import Measurements…', 'import'),
      command(ctx, 'Export…', 'export', 'CmdOrCtrl+E'),
      ...(ctx.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const])
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
  }
  const run: MenuItemConstructorOptions = {
    label: 'Run',
    submenu: [command(ctx, 'Start', 'run', 'CmdOrCtrl+Enter', false), command(ctx, 'Cancel', 'cancel', 'Escape', false)]
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command(ctx, 'Toggle Light/Dark Theme', 'theme', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : [])
    ]
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command(ctx, `About ${ctx.appName}`, 'about')]
  }
  return [...appMenu, file, edit, run, view, help]
}
