// CommonJS because a sandboxed preload cannot be an ES module. It can require only 'electron' and
// a few built-ins, so the channel name is repeated here instead of imported from ipc-adapter.ts.
import { contextBridge, ipcRenderer } from 'electron';

// Only this one function reaches the page: no ipcRenderer, no Node, no token.
contextBridge.exposeInMainWorld('pos', {
  call: (method: string, params?: unknown) => ipcRenderer.invoke('pos:call', method, params),
});
