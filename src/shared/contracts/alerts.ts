// Alert commands and events: spike detection settings and the alert list.
export const alertsCommands = {} as const
export const alertsEvents = {} as const
