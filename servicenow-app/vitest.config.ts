import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        environment: 'node',
        // The build-output test runs `now-sdk build` once (10-20 s on a busy machine).
        testTimeout: 20_000,
        hookTimeout: 180_000,
    },
});
