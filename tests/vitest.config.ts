import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'multi-node/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A live update crosses the server and a second browser; on two shared cores that can take
    // more than expect.poll's default second, as the contacts suite showed.
    expect: { poll: { timeout: 10_000 } },
  },
});
