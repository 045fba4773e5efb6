// The sandboxed preload: exposes one narrow bridge, `window.earshotBridge`, on
// the contract's two IPC channels. No ipcRenderer, no Node, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { CommandName, EarshotBridge, EventName, Reply } from '../shared/contract'
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc'

const bridge: EarshotBridge = {
  invoke: (name: CommandName, input: unknown) => ipcRenderer.invoke(IPC_COMMAND_CHANNEL, name, input) as Promise<Reply>,
  on(listener) {
    const handler = (_event: IpcRendererEvent, name: EventName, payload: unknown) => listener(name, payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('earshotBridge', bridge)
