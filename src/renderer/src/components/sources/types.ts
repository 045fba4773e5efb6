// What each source's settings form in the Sources panel receives.
import type { SourceEntry, SourcesConfigure } from '../../../../shared/contracts/sources'

export interface SourceFormProps<E extends SourceEntry = SourceEntry> {
  entry: E
  /** Saves settings and secrets (a secret set to null is forgotten); rejects with a CommandError on bad input. */
  save(request: SourcesConfigure): Promise<void>
}
