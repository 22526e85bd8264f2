/**
 * Jest for mutation testing (scripts/mutate.mjs, StrykerJS): the core's tests only, transformed by the
 * same esbuild transform as `npm test`. LKH_MUTATE_TESTS (comma-separated globs from the repository
 * root, set by `npm run mutate -- --tests ...`) narrows them to the tests of the module under test.
 */
const path = require('node:path');
const base = require('./jest.config.cjs');

const only = (process.env.LKH_MUTATE_TESTS ?? '')
  .split(',')
  .map((g) => g.trim())
  .filter(Boolean);

module.exports = {
  ...base,
  roots: ['<rootDir>/core/test'],
  testMatch: only.length > 0 ? only.map((g) => path.join('<rootDir>', g)) : ['**/*.test.ts'],
  // Mutants that loop are ended by Stryker's own timeout, long before this.
  testTimeout: 60000,
};
