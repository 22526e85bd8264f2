'use strict';
// A jest transformer: TypeScript -> CommonJS with esbuild (ts-jest does not follow TypeScript releases
// closely; esbuild is already the build tool). Type errors are caught by `npm run typecheck`.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// Part of every cache key: a change to this transformer (or to esbuild) re-transforms every file.
const SELF = createHash('sha256').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const out = transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'automatic',
      // import() (a command or module loaded on use) as require(): jest runs CommonJS and would
      // otherwise need --experimental-vm-modules for it.
      supported: { 'dynamic-import': false },
    });
    return { code: out.code };
  },
};
