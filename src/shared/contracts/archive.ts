// Analyst commands and events: exports, reports, imports and archive files.
export const archiveCommands = {} as const
export const archiveEvents = {} as const
