import { z } from 'zod';
import { handler } from '../../handler.js';
import { roles } from '../../roles.js';
import { id, pin, requiredText, username } from '../../validation.js';
import { createUser, listUsers, resetPin, updateUser } from './users.js';

const roleList = z
  .array(z.enum(roles))
  .min(1, '至少选择一个角色')
  .max(roles.length * 2);

/** Accounts are managed by admins only (the supervisors of this app); PINs never appear in results or the audit log. */
export const userHandlers = {
  'users.list': handler({
    access: ['admin'],
    input: z.strictObject({ includeInactive: z.boolean().optional() }).optional(),
    run: (ctx, p) => ({ items: listUsers(ctx, p ?? {}) }),
  }),
  'users.create': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ username, name: requiredText(32), pin, roles: roleList }),
    run: createUser,
    audit: (_p, r) => `新建用户 ${r.username} ${r.name} #${r.id} 角色 ${r.roles.join(',')}`,
  }),
  'users.update': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ id, name: requiredText(32).optional(), roles: roleList.optional(), active: z.boolean().optional() }),
    run: updateUser,
    audit: (_p, r) => `修改用户 ${r.username} #${r.id}`,
  }),
  'users.resetPin': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ id, pin }),
    run: resetPin,
    audit: (_p, r) => `重置用户 ${r.username} #${r.id} 的 PIN 并解除锁定`,
  }),
};
