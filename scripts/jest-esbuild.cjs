'use strict';
// A jest transformer: TypeScript -> CommonJS with esbuild (ts-jest does not follow TypeScript releases
// closely; esbuild is already the build tool). Type errors are caught by `npm run typecheck`.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'automatic',
    });
    return { code: out.code };
  },
};
