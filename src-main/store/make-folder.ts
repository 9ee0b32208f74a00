// mkdir -p that reports the real reason. Node's recursive mkdir answers ENOENT on a read-only file system
// (and hides EACCES the same way), which reads as "a folder is missing" when the truth is "you cannot
// write here". Creating each missing component on its own surfaces the error of the one that failed.
import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'

export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = []
  let at = dir
  for (;;) {
    try {
      if (!(await stat(at)).isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' })
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw e
      missing.push(at)
      at = dirname(at)
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder)
    } catch (e) {
      // made meanwhile by another process or call: fine
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
}
