import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'multi-node/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
