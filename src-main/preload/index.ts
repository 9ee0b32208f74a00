// The sandboxed preload (built as CommonJS: out/preload/index.cjs). It exposes window.lab and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { createLabBridge } from './lab-bridge'

contextBridge.exposeInMainWorld('lab', createLabBridge(ipcRenderer))
