// Wraps the Electron preload's `window.earshotBridge` (replies as data, one
// event stream) into the renderer's EarshotApi: error replies become
// CommandErrors again (errors lose their fields crossing contextBridge) and
// events fan out by name. Subscribes to the bridge once, on first use.
import {
  CommandError,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type EarshotApi,
  type EarshotBridge,
  type EventName,
  type EventPayload,
} from '../../../shared/contract'

import { createEventListeners } from './eventListeners'

export function bridgeToApi(bridge: EarshotBridge): EarshotApi {
  const listeners = createEventListeners()
  let subscribed = false

  const subscribe = (): void => {
    if (subscribed) return
    subscribed = true
    bridge.on((name, payload) => listeners.emit(name, payload))
  }

  return {
    async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
      const reply = await bridge.invoke(name, input)
      if (reply.ok) return reply.result as CommandResult<K>
      throw new CommandError(reply.error)
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      subscribe()
      return listeners.on(name, listener)
    },
  }
}
