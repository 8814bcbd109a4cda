import type { Dispatcher, Reply } from '../core/dispatcher.js';
import { endSession } from '../core/domains/auth/sessions.js';
import { isTrustedSender } from './security.js';
import { backupCopyMethod, copyBackupWithDialog, type ChooseFolder } from './backup-copy.js';

export const posChannel = 'pos:call';

/** The parts of Electron's IPC this adapter uses, so tests can drive it without an Electron binary. */
export interface IpcSenderLike {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}
export interface IpcFrameLike {
  url: string;
  /** null for a main frame. */
  parent: unknown;
}
export interface IpcEventLike {
  sender: IpcSenderLike;
  senderFrame: IpcFrameLike | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

type DispatcherLike = Pick<Dispatcher, 'call' | 'deps'>;

const maxMethodLength = 100;

const refuse = (
  code: 'FORBIDDEN' | 'INVALID_INPUT',
  message: string,
  reason: 'untrusted_frame' | 'invalid_params',
  details?: Record<string, unknown>,
): Reply => ({ error: { code, message, reason, ...(details ? { details } : {}) } });

/** Methods whose result carries a new session token, which main keeps and the renderer never sees. */
const signsIn = new Set(['auth.login', 'setup.complete']);

/**
 * Serves window.pos.call over one IPC channel with the same dispatcher as HTTP. The session token
 * lives here, per webContents, and never crosses into the renderer: a compromised page can act only
 * while the user is signed in, and cannot carry the session off the machine.
 */
export interface ShellAbilities {
  /** The folder dialog for backup.copyTo, parented to the calling window. */
  chooseFolder(sender: IpcSenderLike): Promise<string | null>;
}

export function registerPosIpc(ipcMain: IpcMainLike, dispatcher: DispatcherLike, shell?: ShellAbilities) {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  function forget(senderId: number): void {
    const token = tokens.get(senderId);
    tokens.delete(senderId);
    if (token) endSession(dispatcher.deps.db, token);
  }

  function watch(sender: IpcSenderLike): void {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    // A closed window must not leave a live session behind for the next webContents with its id.
    sender.once('destroyed', () => {
      watched.delete(sender.id);
      forget(sender.id);
    });
  }

  async function logout(senderId: number, params: unknown): Promise<Reply> {
    const token = tokens.get(senderId);
    tokens.delete(senderId);
    if (!token) return { result: { loggedOut: true } };
    // Prefer the core's own logout (audited, same as HTTP) once it exists; end the session directly until then.
    const reply = await dispatcher.call('auth.logout', params ?? {}, token);
    if ('error' in reply) endSession(dispatcher.deps.db, token);
    return 'result' in reply ? reply : { result: { loggedOut: true } };
  }

  async function onCall(event: IpcEventLike, method: unknown, params: unknown): Promise<Reply> {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame.parent == null)) {
      return refuse('FORBIDDEN', '拒绝来自非本应用页面的调用 (call from an untrusted frame refused)', 'untrusted_frame');
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > maxMethodLength) {
      return refuse('INVALID_INPUT', '方法名必须是字符串 (method must be a string)', 'invalid_params', { issues: [{ path: 'method', code: 'invalid_type' }] });
    }
    const senderId = event.sender.id;
    if (method === 'auth.logout') return logout(senderId, params);
    if (method === backupCopyMethod && shell) {
      const choose: ChooseFolder = () => shell.chooseFolder(event.sender);
      return copyBackupWithDialog(dispatcher.deps, tokens.get(senderId), params, choose);
    }

    const reply = await dispatcher.call(method, params, tokens.get(senderId));
    if (!signsIn.has(method) || !('result' in reply)) return reply;

    const { token, ...rest } = reply.result as { token: string | null } & Record<string, unknown>;
    // A counter's setup signs nobody in: its accounts come from the office.
    if (!token) return { result: rest };
    const previous = tokens.get(senderId);
    if (previous && previous !== token) endSession(dispatcher.deps.db, previous);
    tokens.set(senderId, token);
    watch(event.sender);
    return { result: rest };
  }

  ipcMain.handle(posChannel, (event, method, params) => onCall(event, method, params));

  return {
    /** For tests and diagnostics: whether a webContents currently holds a session. */
    isSignedIn: (senderId: number) => tokens.has(senderId),
    dispose(): void {
      ipcMain.removeHandler(posChannel);
      for (const id of [...tokens.keys()]) forget(id);
    },
  };
}
