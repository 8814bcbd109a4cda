import { defineConfig } from 'vitest/config';
import { sharedAlias } from './vite.config';

export default defineConfig({
  resolve: { alias: sharedAlias },
  test: {
    include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
