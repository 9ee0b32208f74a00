// How a profile file is named: `<name>.drainlab.json`. The OS file association, the Save dialogs, the
// lab's save check and the browser's download name all go by it.
export const PROFILE_EXTENSION = '.drainlab.json'
