// The one place where an author's delete or edit at the source is applied,
// for every connector (a connector only parses the event and calls its
// context). Both wait until everything accepted before them is committed. A
// delete of a stored post withdraws the replies still queued for it, then in
// one transaction tombstones it and removes it from the archive, search and
// every column; a delete of a post never stored does nothing. An edit
// replaces the text, re-scores sentiment, re-indexes it and routes it again
// with the column queries (the same live matcher as new mentions, so a column
// that no longer matches loses it and one that now matches gains it); an edit
// of a post we never stored is offered to ingest as a new mention.
import type { SourceId } from '../../../shared/domain'
import type { EditedMention } from '../connectors/connector'
import type { Store } from '../store'
import type { Committed, Ingest } from './ingest'
import type { Router } from './router'
import { SCORER, scoreSentiment } from '../sentiment/scorer'

export const DELETED_AT_SOURCE = 'The post was deleted by its author; the reply was not sent.'

export interface RevisionsOptions {
  store: Pick<Store, 'read' | 'write'>
  router: Router
  ingest: Ingest
  now: () => number
  /** Fails the replies still queued for a mention whose post is gone. */
  withdrawReplies: (mentionId: number, reason: string) => void
  /** After a commit: these mentions are gone. */
  onRemoved: (ids: number[]) => void
  /** After a commit: these mentions were edited, with the columns each is now in. */
  onRevised: (batch: Committed[]) => void
  onError: (err: unknown) => void
}

export class SourceRevisions {
  constructor(private readonly o: RevisionsOptions) {}

  /**
   * The author deleted these posts; applied after what is already on its way
   * to the archive, so a post deleted moments after it arrived is found.
   * A post never stored is left alone.
   */
  retract(source: SourceId, externalIds: readonly string[]): void {
    const { store, ingest } = this.o
    // A firehose deletes mostly posts we never kept: one key look-up each, and
    // no early commit of what ingest is batching.
    const ours = externalIds.filter(
      (id) => ingest.accepted(source, id) || store.read.storedId(source, id) !== undefined,
    )
    if (ours.length > 0) ingest.afterCommitted(() => this.remove(source, ours))
  }

  /**
   * The author edited these posts. An edit of a post we hold (or that is on
   * its way) is applied after what is already on its way to the archive; one
   * of a post never kept goes to ingest as a new post if a column wants it,
   * without an early commit of what ingest is batching (most edits on a
   * public stream are of such posts).
   */
  revise(edits: readonly EditedMention[]): void {
    const { store, ingest } = this.o
    const ours: EditedMention[] = []
    const unseen: EditedMention[] = []
    for (const e of edits)
      (ingest.accepted(e.source, e.externalId) || store.read.storedId(e.source, e.externalId) !== undefined
        ? ours
        : unseen
      ).push(e)
    if (ours.length > 0) ingest.afterCommitted(() => this.apply(ours))
    this.offerUnseen(unseen)
  }

  /** Edits of posts not in the archive: a column may want them as they now read. */
  private offerUnseen(edits: readonly EditedMention[]): void {
    // A tombstoned post offered here is refused by the archive, like any other insert.
    const wanted = edits.filter((m) => this.o.router.anyMatch(m))
    if (wanted.length > 0) this.o.ingest.push(wanted.map(({ editedAt: _, ...m }) => m))
  }

  private remove(source: SourceId, externalIds: readonly string[]): void {
    const { store } = this.o
    try {
      const stored = externalIds.flatMap((externalId) => {
        const id = store.read.storedId(source, externalId)
        return id === undefined ? [] : [{ externalId, id }]
      })
      if (stored.length === 0) return
      // Before the mention goes, so each withdrawn reply is announced still linked to it.
      for (const { id } of stored) this.o.withdrawReplies(id, DELETED_AT_SOURCE)
      const at = this.o.now()
      const removed = store.write.tombstoneMentions(
        source,
        stored.map((s) => s.externalId),
        at,
      )
      if (removed.length > 0) this.o.onRemoved(removed)
    } catch (err) {
      this.o.onError(err)
    }
  }

  private apply(edits: readonly EditedMention[]): void {
    const original = new Map<object, EditedMention>()
    const scored = edits.map((edit) => {
      const { score, label } = scoreSentiment(edit.text, edit.lang)
      const s = { ...edit, sentiment: score, sentimentLabel: label, sentimentScorer: SCORER }
      original.set(s, edit)
      return s
    })
    let revised: Committed[]
    let unseen: EditedMention[]
    try {
      const result = this.o.store.write.reviseMentions(scored, (input) => this.o.router.route(input))
      revised = result.revised
      unseen = result.unseen.map((s) => original.get(s)!)
    } catch (err) {
      this.o.onError(err)
      return
    }
    if (revised.length > 0) this.o.onRevised(revised)
    this.offerUnseen(unseen)
  }
}
