// Remembers the main window's size and position between runs in userData/window-state.json.
// Written atomically (store/atomic-write: temp file, fsync, rename), so a crash mid-write leaves the previous state.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeJsonAtomic } from '../store/atomic-write'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

export interface WindowState {
  bounds: WindowBounds
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false }

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(200).max(100_000),
    height: z.number().int().min(200).max(100_000)
  }),
  maximized: z.boolean()
})

export const WINDOW_STATE_FILE = 'window-state.json'

/** The saved state, or the default when there is none or it is unreadable (never worth an error). */
export async function loadWindowState(userDataDir: string): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(join(userDataDir, WINDOW_STATE_FILE), 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export async function saveWindowState(userDataDir: string, state: WindowState): Promise<void> {
  await writeJsonAtomic(join(userDataDir, WINDOW_STATE_FILE), stateSchema.parse(state))
}

export interface DisplayArea {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The saved bounds, without their position when no display shows the window's title bar any more
 * (its top 50 px, at least 100 px of its width), e.g. after a monitor was unplugged: Electron then
 * centres the window instead of opening it off-screen.
 */
export function boundsOnScreen(bounds: WindowBounds, displays: readonly DisplayArea[]): WindowBounds {
  if (bounds.x === undefined || bounds.y === undefined) return { width: bounds.width, height: bounds.height }
  const { x, y, width } = bounds
  const visible = displays.some((d) =>
    x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y && y + 50 <= d.y + d.height)
  return visible ? bounds : { width: bounds.width, height: bounds.height }
}
