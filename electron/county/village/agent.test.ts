import { describe, expect, it } from 'vitest';
import { PeerError } from '../../sync/signed-client.js';
import { failureOf } from './agent.js';

describe('failureOf: a failed push as the code and reason the settings screen words', () => {
  it('a county that cannot be reached is OFFICE_UNREACHABLE / county_unreachable', () => {
    expect(failureOf(new PeerError(0, 'OFFICE_UNREACHABLE', '连不上县里 (超时)'))).toEqual({ code: 'OFFICE_UNREACHABLE', reason: 'county_unreachable' });
  });
  it("the county's refusal keeps its code and reason", () => {
    expect(failureOf(new PeerError(403, 'FORBIDDEN', '该村的连接已停用', { reason: 'revoked' }))).toEqual({ code: 'FORBIDDEN', reason: 'revoked' });
    expect(failureOf(new PeerError(401, 'UNAUTHENTICATED', '签名无效', { reason: undefined }))).toEqual({ code: 'UNAUTHENTICATED', reason: null });
  });
  it('anything else is INTERNAL, whatever its message says', () => {
    expect(failureOf(new Error('FORBIDDEN revoked'))).toEqual({ code: 'INTERNAL', reason: null });
  });
});
