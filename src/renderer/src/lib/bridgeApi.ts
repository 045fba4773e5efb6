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

type Listener = (payload: unknown) => void

export function bridgeToApi(bridge: EarshotBridge): EarshotApi {
  const listeners = new Map<string, Set<Listener>>()
  let subscribed = false

  const subscribe = (): void => {
    if (subscribed) return
    subscribed = true
    bridge.on((name, payload) => {
      const set = listeners.get(name)
      if (!set) return
      for (const l of [...set]) {
        try {
          l(payload)
        } catch (err) {
          console.error(`earshot: listener for ${name} failed`, err)
        }
      }
    })
  }

  return {
    async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
      const reply = await bridge.invoke(name, input)
      if (reply.ok) return reply.result as CommandResult<K>
      throw new CommandError(reply.error)
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      subscribe()
      let set = listeners.get(name)
      if (!set) {
        set = new Set()
        listeners.set(name, set)
      }
      const l = listener as Listener
      set.add(l)
      return () => {
        set.delete(l)
      }
    },
  }
}
