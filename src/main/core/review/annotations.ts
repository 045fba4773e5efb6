// Review annotations: a mention's note, tags and reviewed flag. They live in
// the triage rows of the archive they describe; the triage store
// (store/triage.ts) owns those tables, this module only maps its states to
// the reports contract's Annotation.
import type { Annotation } from '../../../shared/contracts/reports'
import type { TriageState } from '../../../shared/contracts/triage'
import type { Store } from '../store'

export interface AnnotationPatch {
  mentionId: number
  note?: string | null | undefined
  tags?: readonly string[] | undefined
  reviewed?: boolean | undefined
}

const toAnnotation = (t: TriageState): Annotation => ({
  mentionId: t.mentionId,
  note: t.note,
  tags: t.tags,
  reviewed: t.reviewed,
})

/** Annotations of the given mentions, in their order (unannotated ones come back empty). */
export function getAnnotations(store: Pick<Store, 'read'>, ids: readonly number[]): Annotation[] {
  return store.read.getTriage('', ids).map(toAnnotation)
}

export function annotate(store: Pick<Store, 'write'>, patch: AnnotationPatch, now: number): Annotation {
  const { mentionId, ...change } = patch
  return toAnnotation(store.write.setTriage('', [mentionId], change, now)[0]!)
}
