// Review annotations: a mention's note, tags and reviewed flag. They live in
// the triage rows of the archive they describe; the triage store
// (triage/store.ts) owns those tables, this module only maps its states to
// the reports contract's Annotation.
import type { Annotation } from '../../../shared/contracts/reports'
import type { TriageState } from '../../../shared/contracts/triage'
import { getTriage, setTriage } from '../store/triage'
import type { Db } from '../store/db-types'

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
export function getAnnotations(db: Db, ids: readonly number[]): Annotation[] {
  return getTriage(db, ids).map(toAnnotation)
}

export function annotate(db: Db, patch: AnnotationPatch, now: number): Annotation {
  const { mentionId, ...change } = patch
  return toAnnotation(setTriage(db, [mentionId], change, now)[0]!)
}
