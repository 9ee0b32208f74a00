// The engine's version, recorded in every result: bump it when the model's semantics change.
export const ENGINE_VERSION = '0.4.0'
