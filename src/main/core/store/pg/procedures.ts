// What the bridge's worker runs as one call rather than statement by
// statement: a batch commit (one INSERT of the whole batch) and an author's
// deletes, each in a transaction of its own on the worker's pool.
import { commitRoutedPg } from './mentions'
import { tombstoneMentionsPg } from './revisions'

export const PROCEDURES = {
  commitRouted: commitRoutedPg,
  tombstoneMentions: tombstoneMentionsPg,
} as const
