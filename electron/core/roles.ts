export const roles = ['admin', 'shopkeeper', 'clerk', 'reviewer', 'provider', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Who may call a method: anyone (login, health), any signed-in user, or the listed roles. Admins may call everything. */
export type Access = 'public' | 'any' | readonly Role[];

export function allows(access: Access, userRoles: readonly Role[]): boolean {
  if (access === 'public' || access === 'any') return true;
  return userRoles.includes('admin') || access.some((r) => userRoles.includes(r));
}
