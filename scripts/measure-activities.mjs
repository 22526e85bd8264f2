// Measures `placeActivity(name)` (no hint) on the labelled activity corpora of issue 21
// (core/test/fixtures/*-activities, scored by the labelling conventions) and on any other corpus
// given as a .tsv (columns name, topic, sector, …): per corpus the topic, the sector, and the
// non-CSHT names that keep their topic under a sheet titled "Cơ sở hạ tầng".
//
// The learned fallback (core/src/workflow/learned.ts) is measured leave-one-corpus-out: for each
// labelled corpus the table is counted without it, and the rules are measured alone too (an empty
// table). A .tsv given is measured with the table as shipped (counted on every labelled corpus).
// `--honest <commit>:<corpus>` measures the rules of an older commit (read with `git archive`) on a
// corpus they were not yet written against, alone and with the fallback counted without that corpus.
//
//   node scripts/measure-activities.mjs [--misses] [--honest bfc20aa:heldout8-activities …] [corpus.tsv …]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const misses = args.includes('--misses');
const honest = args.flatMap((a, i) => (args[i - 1] === '--honest' ? [a] : []));
const extra = args.filter((a) => a.endsWith('.tsv'));

/** Bundles an entry's contents for Node; `swapModel`: the learned table is read from globalThis.__activityModel. */
async function bundle(contents, swapModel) {
  const swap = {
    name: 'activity-model',
    setup(build) {
      if (!swapModel) return;
      build.onResolve({ filter: /\/activity-model$/ }, () => ({ path: 'activity-model', namespace: 'swap' }));
      build.onLoad({ filter: /.*/, namespace: 'swap' }, () => ({ contents: 'export const ACTIVITY_MODEL = globalThis.__activityModel;', loader: 'js' }));
    },
  };
  const result = await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent', plugins: [swap] });
  return result.outputFiles[0].text;
}

/** A fresh instance of a bundle (its memos and its table read anew). */
function instance(text) {
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__dirname', text)(module, module.exports, createRequire(join(root, 'x.js')), join(root, 'core/test/workflow'));
  return module.exports;
}

const entry = `
export { placeActivity, activityWords } from './core/src/workflow/classify';
export { SECTORS } from './core/src/forms/topics';
export { scoreWith, LEARNED_FLOOR } from './core/src/workflow/learned';
export { activityTable, corpusExamples, corpusFolders } from './core/test/workflow/activity-examples';
export { readLabelled } from './core/test/workflow/labelled-corpus';
`;
const swapped = await bundle(entry, true);
const shipped = instance(await bundle(entry, false));
const examples = shipped.corpusExamples(join(root, 'core/test/fixtures'));
const EMPTY = { alpha: 1, minCount: 2, sectors: [], rows: [], totals: [], features: [] };
const topicOf = new Map(shipped.SECTORS.map((s) => [s.name, s.topic]));

function readTsv(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => {
    const [name, topic, sector] = l.split('\t');
    return { name, topic, sector };
  });
}

const pc = (n, d) => `${((100 * n) / d).toFixed(1)}%`.padStart(6);

/** Topic, sector and kept of one corpus by a placement function; the misses printed when asked. */
function score(rows, place) {
  let topic = 0;
  let sector = 0;
  let kept = 0;
  let others = 0;
  const wrong = [];
  for (const r of rows) {
    const p = place(r.name, undefined, undefined, undefined);
    if (p.topic === r.topic) topic++;
    if (p.sector === r.sector) sector++;
    else wrong.push(`    ${r.name}\n        ${p.topic}/${p.sector || '—'}, expected ${r.topic}/${r.sector}`);
    if (r.topic !== 'csht') {
      others++;
      if (place(r.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng').topic === r.topic) kept++;
    }
  }
  return { line: `topic ${pc(topic, rows.length)}  sector ${pc(sector, rows.length)}  kept ${pc(kept, others)}  (${topic}, ${sector}, ${kept}/${others} of ${rows.length})`, wrong };
}

console.log('Labelled corpora: rules alone | rules and the fallback counted without the corpus (leave-one-corpus-out)');
for (const corpus of shipped.corpusFolders(join(root, 'core/test/fixtures'))) {
  const rows = shipped.readLabelled(corpus, join(root, 'core/test/fixtures')).corpus;
  globalThis.__activityModel = EMPTY;
  const alone = score(rows, instance(swapped).placeActivity);
  globalThis.__activityModel = shipped.activityTable(examples.filter((e) => e.corpus !== corpus));
  const loco = score(rows, instance(swapped).placeActivity);
  console.log(`  ${corpus.padEnd(22)} ${alone.line}\n  ${''.padEnd(22)} ${loco.line}`);
  if (misses) console.log(loco.wrong.join('\n'));
}

for (const file of extra) {
  const rows = readTsv(file);
  const result = score(rows, shipped.placeActivity);
  console.log(`${file}: ${result.line}`);
  if (misses) console.log(result.wrong.join('\n'));
}

for (const spec of honest) {
  const [commit, corpus] = spec.split(':');
  const dir = mkdtempSync(join(tmpdir(), 'lkh-rules-'));
  try {
    execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} core/src | tar -x -C "${dir}"`]);
    const old = instance(await bundle(`export { placeActivity } from '${join(dir, 'core/src/workflow/classify')}';`, false));
    const rows = shipped.readLabelled(corpus, join(root, 'core/test/fixtures')).corpus;
    const learned = shipped.scoreWith(shipped.activityTable(examples.filter((e) => e.corpus !== corpus)), 1);
    const withFallback = (name, ...hints) => {
      const p = old.placeActivity(name, ...hints);
      if (p.sector || hints.some((h) => h)) return p;
      const guess = learned(shipped.activityWords(name));
      return guess && guess.probability >= shipped.LEARNED_FLOOR ? { topic: topicOf.get(guess.sector), sector: guess.sector } : p;
    };
    console.log(`Rules of ${commit} on ${corpus}: alone | with the fallback counted without ${corpus}`);
    console.log(`  ${score(rows, old.placeActivity).line}\n  ${score(rows, withFallback).line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
