// A run id names an experiment's folder in the data folder, so only names the lab itself generates are
// run ids: "20261125-221530-polling-task-3f9a" (UTC time stamp, profile slug, 4 hex digits). No dot, no
// separator, nothing a path could climb out with ("..", "." and "a/b" are refused here, before any path
// is built from one).
export const RUN_ID_PATTERN = /^\d{8}-\d{6}-[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{4}$/
export const RUN_ID_MAX_LENGTH = 128

export function isRunId(value: string): boolean {
  return value.length <= RUN_ID_MAX_LENGTH && RUN_ID_PATTERN.test(value)
}
