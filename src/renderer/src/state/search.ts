// Actions of archive search and the views built on it: pages of results, a
// mention's surroundings and thread, and checking a query as it is typed.
import { command } from './client'

export const searchMentions = command('mentions.search')
export const fetchThread = command('mentions.thread')
export const checkQuery = command('query.check')
