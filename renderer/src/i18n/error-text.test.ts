import { describe, expect, it } from 'vitest';
import { allErrorReasons, type ErrorReason } from '@shared/core/error-reasons';
import { ApiError } from '../api/errors';
import { describeError, errorMessage, errorTitle } from './error-text';
import { reasonText } from './error-reasons-text';

const cjk = /[\u3400-\u9fff]/;

describe('every reason has words', () => {
  it('in zh-CN and in English, and English has no Chinese of its own', () => {
    const missing = allErrorReasons.filter((r) => !reasonText.zh[r]?.trim() || !reasonText.en[r]?.trim());
    expect(missing).toEqual([]);
    // No stale text for a reason the server no longer gives.
    expect(Object.keys(reasonText.zh).sort()).toEqual([...allErrorReasons].sort());
    expect(Object.keys(reasonText.en).sort()).toEqual([...allErrorReasons].sort());
    for (const r of allErrorReasons) expect(reasonText.en[r], r).not.toMatch(cjk);
  });
});

describe('errorMessage maps {code, reason, details}', () => {
  const refusal = (code: string, reason: ErrorReason | string | undefined, details?: unknown, message = '服务器的中文句子 (server words)') =>
    new ApiError(code as never, message, details, reason);

  it('says the figures in each language', () => {
    const e = refusal(
      'INSUFFICIENT_POINTS',
      'insufficient_points',
      { available: 73, required: 100, shortBy: 27 },
      '积分不足：可用 73 分，需要 100 分 (insufficient points)',
    );
    expect(describeError(e, 'en').text).toBe('Not enough points: 73 available, 100 needed, 27 short');
    expect(describeError(e, 'zh').text).toBe('积分不足：可用 73 分，需要 100 分，还差 27 分');
    const stock = refusal('OUT_OF_STOCK', 'out_of_stock', { itemName: '保温杯', unit: '个', stock: 0, requested: 1 });
    expect(describeError(stock, 'zh').text).toBe('「保温杯」库存不足：现有 0个，需要 1个');
    expect(describeError(refusal('LIMIT_EXCEEDED', 'item_limit', { itemName: 'Oil', unit: '', limit: 2, already: 2, requested: 1 }), 'en').text).toBe(
      'Limit reached: Oil is limited to 2 per household a year; 2 taken this year',
    );
    expect(
      describeError(refusal('INSUFFICIENT_POINTS', 'in_notice_period', { available: 0, shortBy: 20, inNotice: 30, countsFrom: '2026-03-22' }), 'en').text,
    ).toBe('Not enough points yet: 0 available, 20 short; 30 points are in the notice period and count from 2026-03-22');
  });

  it('a supervisor who is not an admin, in English, has no Chinese at all', () => {
    const e = refusal('FORBIDDEN', 'supervisor_not_admin', { name: '钱监督', username: 'review' }, '钱监督 不是主管，无权授权 (not a supervisor)');
    expect(describeError(e, 'en').text).toBe('review is not a supervisor (admin) and cannot authorise this');
    expect(describeError(e, 'zh').text).toBe('钱监督 不是主管，无权授权');
  });

  it("an unknown reason gives the code's generic text; never the server's Chinese in English", () => {
    const e = refusal('CONFLICT', 'something_new');
    expect(describeError(e, 'en').text).toBe('Conflict');
    expect(describeError(e, 'zh').text).toBe('服务器的中文句子');
    expect(describeError(refusal('CONFLICT', undefined, undefined, ''), 'zh').text).toBe('操作冲突');
    // A reason under the wrong code is not trusted either.
    expect(describeError(refusal('CONFLICT', 'out_of_stock', { itemName: 'x', unit: '', stock: 1, requested: 2 }), 'en').text).toBe('Conflict');
    expect(describeError(refusal('SOMETHING_NEW', undefined), 'en').text).toBe('Error');
  });

  it('a known reason with a figure missing is not shown half-filled', () => {
    expect(describeError(refusal('INSUFFICIENT_POINTS', 'insufficient_points', { available: 5 }), 'en').text).toBe('Not enough points');
    expect(describeError(refusal('INSUFFICIENT_POINTS', 'insufficient_points', { available: 5 }, '积分不足 (insufficient points)'), 'zh').text).toBe(
      '积分不足',
    );
  });

  it("invalid params list the fields in English and keep zod's Chinese rule in Chinese", () => {
    const e = refusal(
      'INVALID_INPUT',
      'invalid_params',
      {
        issues: [
          { path: 'lines.0.qty', code: 'invalid_type' },
          { path: 'requestId', code: 'invalid_format' },
        ],
      },
      '输入有误: 数量必须是整数',
    );
    expect(describeError(e, 'en').text).toBe('Invalid input: lines.0.qty, requestId');
    expect(describeError(e, 'zh').text).toBe('输入有误: 数量必须是整数');
  });

  it('open ranges and client-side errors', () => {
    expect(errorMessage({ code: 'INVALID_INPUT', reason: 'open_price_out_of_range', details: { itemName: 'Insurance', min: 1, max: null } }, 'en')).toBe(
      'Points for Insurance must be between 1 and ∞',
    );
    expect(describeError(new ApiError('NETWORK', '连不上积分超市服务 (cannot reach the server)'), 'en').text).toBe('Cannot reach the server');
    expect(describeError(new Error('boom'), 'zh').text).toBe('系统出错，操作没有完成：boom');
    expect(describeError(new Error('boom'), 'en').text).toBe('Internal error; nothing was changed');
    expect(errorTitle('OUT_OF_STOCK', 'zh')).toBe('库存不足');
  });
});
