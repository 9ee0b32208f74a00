// Whether a process of this machine still runs: a lock, a running mark or a temporary file whose owner is
// gone was left by a crash or a kill -9.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to another user
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
