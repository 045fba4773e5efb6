// The fake's filtered-stream rules: GET lists them; POST adds (validated, all
// or nothing when one is invalid, duplicates and the 1,000-rule cap reported
// per rule) or deletes by id, with dry_run. Shapes: post_rules_add_response.json
// and REFERENCE.md in shared/fixtures/x-api-v2.
import { problems } from './problems'

const MAX_RULES = 1_000
const MAX_RULE_LENGTH = 1_024

export interface FakeRule {
  id: string
  value: string
  tag?: string
}

export interface RuleState {
  rules: FakeRule[]
  /** Rule values X refuses, with the details it gives. */
  invalidRules: Map<string, string[]>
  newId(): string
}

export function listRules(rules: readonly FakeRule[], sent: string) {
  return rules.length > 0
    ? { data: rules, meta: { sent, result_count: rules.length } }
    : { meta: { sent, result_count: 0 } }
}

export function writeRules(
  state: RuleState,
  query: URLSearchParams,
  body: unknown,
  sent: string,
): { status: number; body: unknown } {
  const { rules } = state
  const dryRun = query.get('dry_run') === 'true'
  const b = (body ?? {}) as { add?: Array<{ value?: unknown; tag?: unknown }>; delete?: { ids?: unknown } }
  if (b.delete) {
    const ids = Array.isArray(b.delete.ids) ? (b.delete.ids as string[]) : []
    const found = ids.filter((id) => rules.some((r) => r.id === id))
    if (!dryRun)
      for (const id of found)
        rules.splice(
          rules.findIndex((r) => r.id === id),
          1,
        )
    return {
      status: 200,
      body: { meta: { sent, summary: { deleted: found.length, not_deleted: ids.length - found.length } } },
    }
  }
  if (!Array.isArray(b.add) || b.add.some((r) => typeof r.value !== 'string')) {
    return { status: 400, body: problems.invalidRequest('The body must contain "add" or "delete".') }
  }
  const invalid = []
  const duplicates = []
  const capped = []
  const accepted: FakeRule[] = []
  for (const r of b.add as Array<{ value: string; tag?: string }>) {
    const details =
      state.invalidRules.get(r.value) ??
      (r.value.length > MAX_RULE_LENGTH ? [`Rule length exceeds ${MAX_RULE_LENGTH} characters.`] : null)
    if (details) invalid.push(problems.invalidRule(r.value, details))
    else if (rules.some((x) => x.value === r.value) || accepted.some((x) => x.value === r.value))
      duplicates.push(problems.duplicateRule(r.value, rules.find((x) => x.value === r.value)?.id ?? ''))
    else if (rules.length + accepted.length >= MAX_RULES) capped.push(problems.ruleCap(r.value))
    else accepted.push({ id: state.newId(), value: r.value, ...(typeof r.tag === 'string' ? { tag: r.tag } : {}) })
  }
  const total = b.add.length
  if (invalid.length > 0) {
    // One invalid rule fails the whole request: nothing is created.
    const summary = { created: 0, not_created: total, valid: total - invalid.length, invalid: invalid.length }
    return { status: 400, body: { errors: invalid, meta: { sent, summary } } }
  }
  if (!dryRun) rules.push(...accepted)
  const errors = [...duplicates, ...capped]
  return {
    status: 200,
    body: {
      ...(accepted.length > 0 ? { data: accepted } : {}),
      meta: {
        sent,
        summary: { created: accepted.length, not_created: total - accepted.length, valid: total, invalid: 0 },
      },
      ...(errors.length > 0 ? { errors } : {}),
    },
  }
}
