import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/collector/**/*.test.ts'],
    environment: 'node',
    // Typed event-map checks live in tests/types and are checked by tsc, not run.
    typecheck: { enabled: false },
  },
  esbuild: { jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment' },
  define: { __SDK_VERSION__: JSON.stringify('soglasie@test') },
});
