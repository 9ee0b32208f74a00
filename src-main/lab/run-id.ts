// Run ids name an experiment's folder: sortable by time, readable, folder-safe on every platform.
import { randomBytes } from 'node:crypto'

export function slugOf(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return slug === '' ? 'experiment' : slug
}

/** "20261125-221530": a UTC time stamp that sorts as text */
export function timeStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

/** "20261125-221530-polling-task-rt-throttling-off-3f9a" (UTC time stamp, profile name, 4 random hex digits) */
export function newRunId(profileName: string, now: Date = new Date()): string {
  return `${timeStamp(now)}-${slugOf(profileName)}-${randomBytes(2).toString('hex')}`
}
