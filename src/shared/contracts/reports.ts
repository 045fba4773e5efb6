// Report commands and events: volume, sentiment, top lists and share of voice over a range.
export const reportsCommands = {} as const
export const reportsEvents = {} as const
