import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectError, freshVillage, household, recordPending, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('现场照片 JFIF')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('photo evidence', () => {
  it('stores the picture under <dataDir>/photos/<sha256> once, records each attachment, and serves it back', async () => {
    const h = await household(v);
    const e1 = await recordPending(v, h.id, 'award', 5);
    const e2 = await recordPending(v, h.id, 'award', 6);
    const r = await v.invoke('clerk', 'points.attachPhoto', { entryIds: [e1, e2], imageBase64: jpeg.toString('base64'), mime: 'image/jpeg' });
    expect(r).toMatchObject({ entryId: e1, sha256: sha(jpeg), mime: 'image/jpeg', size: jpeg.length, attached: [{ entryId: e1 }, { entryId: e2 }] });
    const file = join(v.dir, 'photos', `${sha(jpeg)}.jpg`);
    expect(readFileSync(file).equals(jpeg)).toBe(true);
    await v.invoke('clerk', 'points.attachPhoto', { entryId: e1, imageBase64: png.toString('base64'), mime: 'image/png' });
    expect(existsSync(join(v.dir, 'photos', `${sha(png)}.png`))).toBe(true);

    const list = await v.invoke('review', 'points.photos', { entryId: e1 });
    expect(list.items.map((p) => p.mime)).toEqual(['image/jpeg', 'image/png']);
    const got = await v.invoke('review', 'points.photo', { id: list.items[0].id });
    expect(Buffer.from(got.imageBase64, 'base64').equals(jpeg)).toBe(true);
    expect((await v.invoke('review', 'points.pending', {})).items.find((i) => i.id === e1)!.photos).toBe(2);
    expect(count(v.db, 'point_photos')).toBe(3);
    expect(() => v.db.prepare('DELETE FROM point_photos').run()).toThrow(/append-only/);
  });

  it('refuses a file that is not what its type says, one over 5 MB, an unknown entry, and other roles', async () => {
    const h = await household(v);
    const e = await recordPending(v, h.id, 'award', 5);
    expectError(await v.call('clerk', 'points.attachPhoto', { entryId: e, imageBase64: png.toString('base64'), mime: 'image/jpeg' }), 'INVALID_INPUT');
    expectError(
      await v.call('clerk', 'points.attachPhoto', { entryId: e, imageBase64: Buffer.from('%PDF-1.4').toString('base64'), mime: 'image/png' }),
      'INVALID_INPUT',
    );
    const big = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    expectError(await v.call('clerk', 'points.attachPhoto', { entryId: e, imageBase64: big.toString('base64'), mime: 'image/jpeg' }), 'INVALID_INPUT');
    expectError(await v.call('clerk', 'points.attachPhoto', { entryId: 9999, imageBase64: jpeg.toString('base64'), mime: 'image/jpeg' }), 'NOT_FOUND');
    expectError(await v.call('clerk', 'points.attachPhoto', { imageBase64: jpeg.toString('base64'), mime: 'image/jpeg' }), 'INVALID_INPUT');
    expectError(await v.call('shop', 'points.attachPhoto', { entryId: e, imageBase64: jpeg.toString('base64'), mime: 'image/jpeg' }), 'FORBIDDEN');
    expectError(await v.call('review', 'points.photo', { id: 12345 }), 'NOT_FOUND');
    expect(count(v.db, 'point_photos')).toBe(0);
  });
});
