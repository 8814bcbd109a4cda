import type { Result } from '@shared/core/contract';

export type HouseholdView = Result<'households.get'>;
export type HouseholdSearchHit = Result<'households.search'>['items'][number];
export type Item = Result<'catalog.list'>['items'][number];
export type Account = HouseholdView['account'];
