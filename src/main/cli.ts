// The `earshot` command line, under plain Node. Each subcommand lives in
// cli/; usage errors exit 2, runtime failures 1, success 0, and an import
// that skipped bad rows 3.
import { version } from '../../package.json'
import { SecretStoreError } from './core/secrets/secret-store'
import { ArchiveTooNewError, TransferRefused } from './core/store'
import { SHARED_OPTIONS_HELP, UsageError } from './cli/args'
import { capture, CAPTURE_USAGE } from './cli/capture'
import { exportCommand, EXPORT_USAGE } from './cli/export'
import { importCommand, IMPORT_USAGE } from './cli/import'
import { migrateCommand, MIGRATE_USAGE } from './cli/migrate'
import { operatorsCommand, OPERATORS_USAGE } from './cli/operators'
import { auditCommand, AUDIT_USAGE } from './cli/audit'
import { rescoreCommand, RESCORE_USAGE } from './cli/rescore'
import { serve, SERVE_USAGE } from './cli/serve'

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve,
  capture,
  export: exportCommand,
  import: importCommand,
  rescore: rescoreCommand,
  migrate: migrateCommand,
  operators: operatorsCommand,
  audit: auditCommand,
}

const USAGE = `Earshot ${version}: real-time social listening console

Usage:
${SERVE_USAGE}
${CAPTURE_USAGE}
${EXPORT_USAGE}
${IMPORT_USAGE}
${RESCORE_USAGE}
${MIGRATE_USAGE}
${OPERATORS_USAGE}
${AUDIT_USAGE}

Options of every command:
${SHARED_OPTIONS_HELP}
  -h, --help           show this help

Exit codes: 0 done, 1 failure (message on stderr), 2 usage error, 3 import finished but skipped bad rows`

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE)
    return
  }
  const run = SUBCOMMANDS[command]
  if (!run) throw new UsageError(`unknown command "${command}"`)
  return run(rest)
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`earshot: ${(err as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (err instanceof ArchiveTooNewError || err instanceof SecretStoreError || err instanceof TransferRefused) {
    console.error(`earshot: ${err.message}`)
    process.exit(1)
  }
  console.error('earshot:', err instanceof Error ? err.message : err)
  process.exit(1)
})
