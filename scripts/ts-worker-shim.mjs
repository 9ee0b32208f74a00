// Node 20 cannot load a .ts worker entry: register tsx in the worker, then import the entry.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.__entry)
