// Electron IPC channel names. Kept apart from the contract (and zod) so the
// sandboxed preload bundle stays tiny. Main refuses any other channel.
export const IPC_COMMAND_CHANNEL = 'earshot:command'
export const IPC_EVENT_CHANNEL = 'earshot:event'
