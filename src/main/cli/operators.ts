// `earshot operators add|list|remove`: the admin's command for team mode's
// named operators. A new operator's secret is generated here and printed once
// (stdout, so it can be piped to a password manager); only its hash is kept.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { OperatorNameSchema, RoleSchema, ROLES } from '../../shared/roles'
import { hashOperatorSecret, newOperatorSecret } from '../core/secrets/operator-secret'
import { isPostgresUrl, openAnyArchive, type Archive } from '../core/store'
import { archiveOption, UsageError } from './args'

export const OPERATORS_USAGE = `  earshot operators add NAME --role ROLE [--db ARCHIVE]
  earshot operators list [--db ARCHIVE]
  earshot operators remove NAME [--db ARCHIVE]
      Team mode's operators (ARCHIVE: a file or postgres://…). ROLE: ${ROLES.join(', ')}.
      add prints the operator's new secret once, on stdout; only its hash is stored.`

async function withArchive<T>(target: string, create: boolean, fn: (a: Archive) => Promise<T>): Promise<T> {
  if (!isPostgresUrl(target)) {
    if (!create && !existsSync(target)) throw new UsageError(`no archive at ${target}`)
    mkdirSync(dirname(target), { recursive: true })
  }
  const archive = await openAnyArchive(target)
  try {
    return await fn(archive)
  } finally {
    await archive.close()
  }
}

function nameOf(raw: string | undefined): string {
  if (raw === undefined) throw new UsageError('give the operator name')
  const parsed = OperatorNameSchema.safeParse(raw)
  if (!parsed.success) throw new UsageError(`operator name "${raw}": ${parsed.error.issues[0]!.message}`)
  return parsed.data
}

export async function operatorsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, role: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  const [verb, name, extra] = positionals
  if (extra !== undefined) throw new UsageError(`operators ${verb}: one name at a time (got "${extra}")`)
  const target = archiveOption(values.db)
  switch (verb) {
    case 'add': {
      const operator = nameOf(name)
      const role = RoleSchema.safeParse(values.role)
      if (!role.success) throw new UsageError(`operators add needs --role, one of ${ROLES.join(', ')}`)
      const secret = newOperatorSecret()
      const secretHash = await hashOperatorSecret(secret)
      await withArchive(target, true, (a) =>
        a.addOperator({ name: operator, role: role.data, secretHash, createdAt: Date.now() }),
      )
      process.stderr.write(`earshot: added ${operator} (${role.data}). Their secret, shown this once:\n`)
      process.stdout.write(`${secret}\n`)
      return
    }
    case 'list': {
      if (name !== undefined) throw new UsageError('operators list takes no name')
      const list = await withArchive(target, false, (a) => a.listOperators())
      if (list.length === 0)
        process.stderr.write('earshot: no operators yet (earshot operators add NAME --role ROLE)\n')
      for (const o of list) process.stdout.write(`${o.name}\t${o.role}\t${new Date(o.createdAt).toISOString()}\n`)
      return
    }
    case 'remove': {
      const operator = nameOf(name)
      const removed = await withArchive(target, false, (a) => a.removeOperator(operator))
      if (!removed) throw new UsageError(`there is no operator named "${operator}"`)
      process.stderr.write(`earshot: removed ${operator}\n`)
      return
    }
    default:
      throw new UsageError(
        verb === undefined ? 'operators needs add, list or remove' : `unknown operators command "${verb}"`,
      )
  }
}
