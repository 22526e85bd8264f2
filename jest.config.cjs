/**
 * Tests are TypeScript, transformed by esbuild (scripts/jest-esbuild.cjs); type checking is
 * `npm run typecheck`. Component tests choose jsdom with a `@jest-environment jsdom` docblock.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/core/test', '<rootDir>/excel-addin/test', '<rootDir>/sheets-addon/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  testTimeout: 60000,
};
