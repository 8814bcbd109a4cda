/**
 * JSON.parse for bodies from the network. V8 parses any depth, but a 20,000-deep value then
 * overflows the stack of whatever walks it next (zod, the audit summary, JSON.stringify), and a
 * few megabytes of brackets keep the event loop busy for seconds. So the nesting is measured on the
 * text first, which stops at the first bracket too deep; string contents are skipped with indexOf,
 * so a large base64 file costs next to nothing.
 */
export const maxJsonDepth = 64;

export type JsonProblem = 'invalid_json' | 'too_deep';

export class JsonBodyError extends Error {
  constructor(readonly reason: JsonProblem) {
    super(reason === 'too_deep' ? '请求内容嵌套过深 (body is nested too deeply)' : '请求内容不是有效的 JSON (body is not valid JSON)');
  }
}

/** The deepest nesting of arrays and objects in a JSON text, or Infinity once it passes `limit`. */
export function jsonDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let j = text.indexOf('"', i + 1);
      while (j !== -1) {
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((j - k) % 2 === 1) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) return deepest; // an unterminated string: JSON.parse will say so
      i = j;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return Infinity;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** An empty body is `undefined`; anything else must be JSON no deeper than maxDepth. */
export function parseJsonBody(text: string, maxDepth = maxJsonDepth): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonBodyError('too_deep');
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonBodyError('invalid_json');
  }
}
