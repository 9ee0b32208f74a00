// The Open Recent list: most recent first, no duplicates, bounded.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeJsonAtomic } from './atomic-write'

export const MAX_RECENT = 10

export class RecentProfiles {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent-profiles.json')
  }

  async list(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT) : []
    } catch {
      // no list yet, or a damaged one: an empty Open Recent menu is the honest answer
      return []
    }
  }

  async add(path: string): Promise<string[]> {
    const absolute = resolve(path)
    const next = [absolute, ...(await this.list()).filter((p) => p !== absolute)].slice(0, MAX_RECENT)
    await writeJsonAtomic(this.file, next)
    return next
  }

  async includes(path: string): Promise<boolean> {
    return (await this.list()).includes(resolve(path))
  }
}
