// Operator workflow commands and events: triage, mutes, canned replies, drafts, alerts.
export const triageCommands = {} as const
export const triageEvents = {} as const
