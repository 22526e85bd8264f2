// npm run build: every bundle the project ships. Hosts add their bundles here as they land.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { buildCli } = require('./build-cli.cjs');

buildCli();
console.log('built dist/cli/lkh.cjs');
