// Column queries as filtered-stream rules, and their sync with X by diff: a
// rule whose value and tag are unchanged stays (so X keeps matching without a
// blip), removed ones are deleted by id, new ones added. Columns with the
// same rule share it: X refuses duplicate values, so the tag lists every
// column id. X's validation errors come back per rule and go to the columns.
import type { TwitterApiv2 } from 'twitter-api-v2'
import type { Column, ColumnId } from '../../../../shared/domain'
import { compileColumnQuery } from '../../../../shared/query/column-query'
import { toXRule } from '../../../../shared/query/x-rule'
import { describeFailure } from './client'
import { XProblemSchema } from './payload'

/** Rules per project on X's standard access. */
export const X_MAX_RULES = 1_000
const TAG_SEPARATOR = ','

export interface DesiredRule {
  value: string
  tag: string
  columnIds: ColumnId[]
}

export interface RulePlan {
  rules: DesiredRule[]
  /** Why a column has no rule (null: it has one, or it simply excludes X). */
  notices: Map<ColumnId, string | null>
}

/** Compiles each column's query to an X rule (or search query) within X's limits, before anything is sent. */
export function planRules(
  columns: readonly Column[],
  compile: typeof toXRule = toXRule,
  maxRules = X_MAX_RULES,
): RulePlan {
  const notices = new Map<ColumnId, string | null>()
  const byValue = new Map<string, DesiredRule>()
  for (const column of columns) {
    const compiled = compileColumnQuery(column.query)
    if (!compiled.ok) {
      notices.set(column.id, `Not listening on X: the query has an error (${compiled.error.message})`)
      continue
    }
    const { rule, errors } = compile(compiled.ast)
    if (!rule) {
      // A column limited to other sources is not a problem to report.
      const message = errors.join('; ')
      notices.set(column.id, /never listens to X/.test(message) ? null : `Not listening on X: ${message}`)
      continue
    }
    const existing = byValue.get(rule)
    if (existing) {
      existing.columnIds.push(column.id)
      existing.tag = existing.columnIds.join(TAG_SEPARATOR)
    } else if (byValue.size >= maxRules) {
      notices.set(
        column.id,
        `Not listening on X: X allows at most ${maxRules} rules and the other columns use them all`,
      )
      continue
    } else {
      byValue.set(rule, { value: rule, tag: column.id, columnIds: [column.id] })
    }
    notices.set(column.id, null)
  }
  return { rules: [...byValue.values()], notices }
}

/** The column ids a rule's tag names. */
export function columnsOfTag(tag: string | undefined): ColumnId[] {
  return tag ? tag.split(TAG_SEPARATOR).filter((id) => id.length > 0) : []
}

export interface RuleSyncResult {
  /** Rule id -> the columns it serves, for every rule now active. */
  active: Map<string, ColumnId[]>
  added: number
  deleted: number
  kept: number
  /** Columns whose rule X refused, with X's reason. */
  rejected: Map<ColumnId, string>
}

interface RemoteRule {
  id: string
  value: string
  tag?: string | undefined
}

/** Brings X's rule set to `desired` with the fewest writes. Throws the client's error when X cannot be reached. */
export async function syncRules(api: TwitterApiv2, desired: readonly DesiredRule[]): Promise<RuleSyncResult> {
  const current = ((await api.streamRules()).data ?? []) as RemoteRule[]
  const wanted = new Map(desired.map((r) => [`${r.tag}\n${r.value}`, r]))
  const keep = current.filter((r) => wanted.has(`${r.tag ?? ''}\n${r.value}`))
  const keptKeys = new Set(keep.map((r) => `${r.tag ?? ''}\n${r.value}`))
  const remove = current.filter((r) => !keptKeys.has(`${r.tag ?? ''}\n${r.value}`))
  const add = desired.filter((r) => !keptKeys.has(`${r.tag}\n${r.value}`))

  const active = new Map<string, ColumnId[]>(keep.map((r) => [r.id, columnsOfTag(r.tag)]))
  const rejected = new Map<ColumnId, string>()
  if (remove.length > 0) await api.updateStreamRules({ delete: { ids: remove.map((r) => r.id) } })
  let pending = add
  let added = 0
  // X refuses the whole request when one rule is invalid: drop the refused ones and send the rest again.
  for (let round = 0; pending.length > 0 && round < 2; round++) {
    const { created, refused } = await addRules(api, pending)
    for (const r of created) active.set(r.id, columnsOfTag(r.tag))
    added += created.length
    for (const [value, reason] of refused) {
      for (const id of pending.find((r) => r.value === value)?.columnIds ?? []) rejected.set(id, reason)
    }
    const createdValues = new Set(created.map((r) => r.value))
    pending = pending.filter((r) => !createdValues.has(r.value) && !refused.has(r.value))
  }
  for (const r of pending) for (const id of r.columnIds) rejected.set(id, 'X did not create the rule')
  return { active, added, deleted: remove.length, kept: keep.length, rejected }
}

async function addRules(
  api: TwitterApiv2,
  rules: readonly DesiredRule[],
): Promise<{ created: RemoteRule[]; refused: Map<string, string> }> {
  let body: { data?: RemoteRule[]; errors?: unknown[] }
  try {
    body = (await api.updateStreamRules({ add: rules.map((r) => ({ value: r.value, tag: r.tag })) })) as typeof body
  } catch (err) {
    const failure = describeFailure(err)
    // A 400 that names rules is a validation answer; anything else is a failure of the sync.
    if (failure.kind !== 'http' || failure.status !== 400 || failure.problems.length === 0) throw err
    body = { errors: failure.problems }
  }
  const refused = new Map<string, string>()
  for (const raw of body.errors ?? []) {
    const problem = XProblemSchema.safeParse(raw)
    if (!problem.success || !problem.data.value) continue
    const p = problem.data
    const reason = [p.title, ...(p.details ?? []), p.details ? undefined : p.detail].filter(Boolean).join(': ')
    refused.set(p.value!, `X refused the rule: ${reason || 'invalid rule'}`)
  }
  return { created: body.data ?? [], refused }
}
