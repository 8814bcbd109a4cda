import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectRefused, freshVillage, household, recordPending, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

async function rejected(points = 8, reason = '照片看不清，分值偏高') {
  const h = await household(v, { headName: '张三丰' });
  const id = await recordPending(v, h.id, 'award', points);
  await v.invoke('review', 'points.review', { entryIds: [id], decision: 'reject', reason });
  return { h, id };
}

describe('the clerk’s inbox of rejected entries', () => {
  it('lists own rejected entries with the reviewer’s reason, not yet corrected', async () => {
    const { h, id } = await rejected();
    const inbox = await v.invoke('clerk', 'points.rejected', {});
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ id, householdId: h.id, headName: '张三丰', points: 8, reason: '照片看不清，分值偏高', reviewerName: '钱监督' });
    // An approved or pending entry is not in it.
    await recordPending(v, h.id, 'award', 3);
    expect((await v.invoke('clerk', 'points.rejected', {})).total).toBe(1);
  });
});

describe('points.resubmit', () => {
  it('writes a NEW pending entry that points at the rejected one; the rejected row stays', async () => {
    const { h, id } = await rejected();
    const rows = count(v.db, 'point_entries');
    const r = await v.invoke('clerk', 'points.resubmit', { entryId: id, points: 5, note: '已补清晰照片' });
    expect(r).toMatchObject({ householdId: h.id, status: 'pending', points: 5, resubmitsId: id });
    expect(r.id).not.toBe(id);
    expect(count(v.db, 'point_entries')).toBe(rows + 1);
    expect(v.db.prepare('SELECT decision, reason FROM point_reviews WHERE entry_id = ?').get(id)).toEqual({
      decision: 'reject',
      reason: '照片看不清，分值偏高',
    });
    // Out of the inbox, into the review queue, marked as a correction with the old reason.
    expect((await v.invoke('clerk', 'points.rejected', {})).total).toBe(0);
    const queue = await v.invoke('review', 'points.pending', {});
    expect(queue.items).toMatchObject([{ id: r.id, points: 5, note: '已补清晰照片', resubmitsId: id, resubmitsReason: '照片看不清，分值偏高' }]);
    await v.invoke('review', 'points.review', { entryIds: [r.id], decision: 'approve' });
    expect((await v.invoke('shop', 'households.get', { id: h.id })).account.score).toBe(5);
  });

  it('keeps the rejected magnitude when none is given', async () => {
    const { id } = await rejected(8);
    expect((await v.invoke('clerk', 'points.resubmit', { entryId: id })).points).toBe(8);
  });

  it('refuses by reason and writes nothing', async () => {
    const { h, id } = await rejected();
    const pending = await recordPending(v, h.id, 'award', 3);
    let e = await expectRefused(v, 'clerk', 'points.resubmit', { entryId: pending }, 'CONFLICT');
    expect(e.reason).toBe('entry_not_rejected');
    e = await expectRefused(v, 'admin', 'points.resubmit', { entryId: 9999 }, 'NOT_FOUND');
    expect(e.reason).toBe('unknown_entry');
    await expectRefused(v, 'clerk', 'points.resubmit', { entryId: id, points: 0 }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'points.resubmit', { entryId: id, points: 5000 }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'points.resubmit', { entryId: id, occurredOn: '2026-03-16' }, 'INVALID_INPUT');
    await expectRefused(v, 'review', 'points.resubmit', { entryId: id }, 'FORBIDDEN');
    await v.invoke('clerk', 'points.resubmit', { entryId: id });
    e = await expectRefused(v, 'clerk', 'points.resubmit', { entryId: id }, 'CONFLICT');
    expect(e.reason).toBe('already_resubmitted');
  });

  it('only the recorder (or an admin) resubmits: another clerk is not_your_entry', async () => {
    const { id } = await rejected();
    await v.invoke('admin', 'users.create', { username: 'clerk2', name: '孙文书', pin: '592837', roles: ['clerk'] });
    const token = (await v.invoke(null, 'auth.login', { username: 'clerk2', pin: '592837' })).token;
    const before = count(v.db, 'point_entries');
    const reply = await v.d.call('points.resubmit', { entryId: id }, token);
    expect(reply).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'not_your_entry' } });
    expect(count(v.db, 'point_entries')).toBe(before);
    expect((await v.d.call('points.rejected', {}, token)) as unknown).toMatchObject({ result: { total: 0 } });
    // An admin may correct anyone's.
    expect((await v.invoke('admin', 'points.resubmit', { entryId: id })).resubmitsId).toBe(id);
  });
});
