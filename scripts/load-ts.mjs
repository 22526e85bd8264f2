// Loads a host-neutral TypeScript module (e.g. manifests/excel-manifest.ts) from a Node script:
// esbuild bundles it in memory and Node imports the result from a data: URL. Node 20 cannot
// import .ts itself, and jest (CommonJS) cannot import .mjs, so shared code lives in .ts.
import * as esbuild from 'esbuild';

export async function loadTs(file) {
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
