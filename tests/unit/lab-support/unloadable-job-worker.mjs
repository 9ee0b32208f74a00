// A worker entry that cannot load (a missing package): the pool must fail its jobs, not crash.
import 'drainlab-no-such-package'

export default function neverRuns() {
  return null
}
