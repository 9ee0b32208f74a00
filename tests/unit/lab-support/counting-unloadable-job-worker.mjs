// A worker entry that fails to start and counts its attempts in the file DRAINLAB_TEST_START_LOG names:
// a run must not retry a worker that cannot start once per job.
import { appendFileSync } from 'node:fs'

appendFileSync(process.env.DRAINLAB_TEST_START_LOG, 'start\n')
throw new Error('this worker cannot start')
