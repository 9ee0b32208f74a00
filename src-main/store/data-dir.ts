// Where Drain Lab keeps results, history and the recent-profiles list when it is not Electron (which
// passes app.getPath('userData')): the platform's per-user data folder.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'drainlab')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'drainlab')
  // XDG Base Directory: an empty or relative XDG_DATA_HOME is invalid and must be ignored
  const xdg = env.XDG_DATA_HOME
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'drainlab')
}
