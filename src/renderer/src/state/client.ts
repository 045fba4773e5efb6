// The one way state reaches the core: the API that createStores() was given.
// Components and hooks never hold it; they call the actions in state/.
import type { CommandInput, CommandName, CommandResult, EarshotApi } from '../../../shared/contract'

let bound: EarshotApi | null = null

/** The API the stores were created with (see state/index.ts). */
export function client(): EarshotApi {
  if (!bound) throw new Error('The renderer stores have not been created yet (createStores).')
  return bound
}

export function bindClient(api: EarshotApi): void {
  bound = api
}

/**
 * A named action that runs one core command: what state/ modules export for
 * dialogs and views whose step-by-step state is their own.
 */
export function command<K extends CommandName>(name: K): (input: CommandInput<K>) => Promise<CommandResult<K>> {
  return (input) => client().call(name, input)
}
