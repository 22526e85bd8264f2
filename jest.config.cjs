/** Tests are TypeScript, transformed by esbuild (scripts/jest-esbuild.cjs); type checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/core/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/scripts/jest-esbuild.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  testTimeout: 60000,
};
