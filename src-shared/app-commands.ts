// The application menu's commands: the Electron main process's menu sends them over IPC, the preload
// lets only these through, and the renderer handles them (the same actions as its buttons and keys).
export const APP_COMMANDS = ['new', 'open', 'open-recent', 'save', 'save-as', 'import', 'export', 'run', 'cancel', 'theme', 'about'] as const
export type AppCommand = (typeof APP_COMMANDS)[number]
