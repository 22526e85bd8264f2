/** The pane's words in English, typed against the Vietnamese reference. */
import { formatDate } from '../format';
import type { Strings } from './vi';
import type { NextSay, YearEvidenceView, YearItemView, YearNextView, YearStepView, YearView } from '../year';

const n = (x: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(x);

/** The year's next action in English (its Vietnamese sentence comes from the core). */
const STATUS_EN: Readonly<Record<string, string>> = {
  settings: 'Next: enter the plan year and the unit (Settings).',
  villages: 'Next: enter how many villages the commune has (Settings).',
  receive: "Next: receive the villages' I.1, I.2, I.3 and the departments' II.3 (Files).",
  consolidate: 'Next: consolidate the commune plan (Consolidate).',
  fix: 'Next: fix the errors of the last consolidation, then consolidate again (Check).',
  draft: 'Next: draft the plan documents (Documents).',
  ballot: 'Next: prepare the planning conference: make a ranking ballot (Ranking).',
  rank: 'Next: enter the filled ballots and rank (Ranking).',
  export: 'Next: export the plan file for the level above (Files).',
  feedback: "Next: when the level above answers, take its feedback into the plan.",
  rollup: "Next: receive the communes' plans and consolidate them.",
  tick: 'Next: tick what has been done (Steps).',
  done: 'All seven steps are done.',
};

/** Where something is, in English: "file › sheet "X" cell C12". */
function placeEn(p: { file?: string; sheet?: string; cell?: string }): string {
  return [p.file ? `"${p.file}" ›` : '', p.sheet ? `sheet "${p.sheet}"` : '', p.cell ? `cell ${p.cell}` : ''].filter(Boolean).join(' ');
}

function evidenceEn(e: YearEvidenceView): string {
  const say = e.say;
  const date = e.date ? formatDate(e.date, 'en') : '';
  if (!say) return e.text;
  switch (say.key) {
    case 'sheet':
      return `${placeEn(e)}${date ? ` (${date})` : ''}`;
    case 'document':
      return `${say.action === 'exported' ? 'exported' : 'drafted'} on ${date}: ${e.file ?? ''}`;
    case 'ranked':
      return `ranked on ${date} from the ballots of ${n(say.participants)} delegates (sheet "${e.sheet ?? ''}")`;
    case 'rolledUp':
      return `plans of ${n(say.communes)} communes rolled up`;
    case 'more':
      return `and ${n(say.count)} more sheets`;
  }
}

/** Fixed phrases of what a result still wants. */
const MISSING_EN: Readonly<Record<string, string>> = {
  'chưa xếp ưu tiên tại hội nghị': 'not ranked at the conference yet',
  'xếp ưu tiên tại hội nghị kế hoạch xã': "ranking at the commune's planning conference",
  'xuất tệp gửi cấp trên': 'the file exported for the level above',
  'cập nhật theo phản hồi của cấp trên': "updated after the level above's feedback",
};

const LEVEL_EN = { thon: 'village', xa: 'commune', huyen: 'district', tinh: 'province' } as const;

function nextEn(s: NextSay): string {
  const forms = (fs: readonly string[]) => fs.map((f) => `form ${f}`).join(' and ');
  const over = (o: { kind: 'over' | 'short'; at: { file?: string; sheet?: string; cell?: string } } | undefined) =>
    o ? ` The plan is still ${o.kind === 'over' ? 'over the expected funds' : 'short of a requirement'} (${placeEn(o.at)}): the conference's ranking decides which activities are done.` : '';
  switch (s.key) {
    case 'settings':
      return `Enter the plan year and the ${LEVEL_EN[s.level]}'s name in Settings.`;
    case 'receive':
      return "Receive the villages' forms (I.1, I.2, I.3) and the departments' (II.3): add their files or sheets to the workbook.";
    case 'consolidate':
      return `Consolidate the forms received into the commune plan (II.4.A, II.4.B, II.6.A, II.6.B, II.6.C)${s.short > 0 ? ` (${n(s.short)}/${n(s.expected)} villages have not sent everything: you can consolidate now and again when more arrive)` : ''}.`;
    case 'fix':
      return `Fix the ${n(s.errors)} errors of the last consolidation, then consolidate again; the first is at ${placeEn(s.at)}: ${s.messageEn}`;
    case 'draftII7':
      return `Draft the plan's ${forms(s.forms)} from the consolidated plan, for the commune's planning conference.`;
    case 'ballot':
      return `Prepare the commune's planning conference: create a ranking ballot for list II.6.B (and II.6.A if needed).${over(s.over)}`;
    case 'rank':
      return `After the conference: enter the filled ballots into sheet "${s.sheet ?? ''}", then rank.${over(s.over)}`;
    case 'redraft':
      return `Update the drafts ${forms(s.forms)} after the conference (ranked on ${formatDate(s.date, 'en')}).`;
    case 'export':
      return 'Export the plan file (II.4.A, II.4.B, II.6.A, II.6.B) to send to the level above with the draft plan.';
    case 'tick':
      return `Step ${s.n}: ${s.titleEn} — when done, tick: ${s.whatEn}.`;
    case 'feedback':
      return `The file for the level above was exported (${s.file}). When its feedback arrives, bring it into the commune plan.`;
    case 'draftII10':
      return 'Draft the plan feedback for the villages (form II.10) for the village meetings.';
    case 'allDone':
      return 'All seven steps of the plan year are done.';
    case 'rollup':
      return `Receive the communes' plans (files with each commune's II.6.A, II.6.B) and roll them up for the whole ${LEVEL_EN[s.level]}.`;
    case 'upperFix':
      return `Review the communes' plans: ${placeEn(s.at)}: ${s.messageEn}`;
    case 'upperDone':
      return `The plans of ${n(s.communes)} communes are rolled up; all seven steps are done.`;
    case 'villageFill':
      return `Fill the village's form ${s.forms.join(', ')} (basic data, proposed activities, village meeting minutes).`;
    case 'villageSend':
      return "Send forms I.1, I.2, I.3 to the commune's planning team.";
  }
}

export const en: Strings = {
  locale: 'en-US',
  lang: { current: 'English', switchTo: 'Tiếng Việt', switchLabel: 'Switch to Vietnamese' },
  app: {
    title: 'LKH',
    subtitle: 'National Target Program planning',
    nav: 'Functions',
    menu: 'All',
    menuLabel: 'All functions',
    loading: 'Loading LKH…',
    loadFailed: 'LKH could not start.',
    loadFailedHint: 'Press Try again. If it still fails, close this pane and open it again; the workbook is not affected.',
    retry: 'Try again',
    crashed: 'LKH ran into a problem and cannot be shown. Close this pane and open it again; the workbook is not affected.',
    context: (unit: string | undefined, year: number | undefined): string =>
      [unit, year !== undefined ? `plan year ${year}` : 'no plan year yet'].filter(Boolean).join(' · '),
  },
  tabs: {
    home: 'Overview',
    settings: 'Settings',
    forms: 'Forms',
    validate: 'Check',
    consolidate: 'Consolidate',
    ranking: 'Ranking',
    checklist: 'Steps',
    files: 'Files',
    documents: 'Documents',
    sheet: 'Workbook',
  },
  next: {
    label: 'Next step',
    settings: 'Next: enter the plan year and the commune (Settings).',
    consolidate: 'Next: consolidate the commune plan (Consolidate).',
    conflicts: 'Next: choose which version counts for each form, then "Consolidate with the chosen versions".',
    download: 'Next: export the plan file for the level above (II.4.A, II.4.B, II.6.A, II.6.B), then send it by e-mail or Zalo.',
    downloadButton: 'Export the file for the level above',
    downloading: 'Building the plan file…',
    send: (file: string): string => `Next: send "${file}" to the level above by e-mail or Zalo.`,
    receive: "Next: receive the villages' I.2 and the departments' II.3 (Files).",
    receiveButton: 'Receive forms',
    settingsButton: 'Open Settings',
    drafts: 'Next: draft the plan documents (forms II.7.A, II.7.B) and prepare the commune planning conference (ranking ballot), before exporting the file for the level above.',
    draftsButton: 'Draft documents',
    status: (_text: string, action: string): string => STATUS_EN[action] ?? 'Next: see the steps (Steps).',
    statusButtons: {
      settings: 'Open Settings',
      villages: 'Open Settings',
      receive: 'Receive forms',
      consolidate: 'Consolidate',
      fix: 'See the errors',
      draft: 'Draft documents',
      ballot: 'Make a ballot',
      rank: 'Rank',
      export: 'Export the file for the level above',
      feedback: 'Receive feedback',
      rollup: 'Consolidate',
      tick: 'Steps',
      done: '',
    },
  },
  undo: {
    button: 'Undo the last change',
    done: (action: 'consolidate' | 'rank'): string => `The last ${action === 'rank' ? 'ranking' : 'consolidation'} was undone; press again to redo it. Sheets restored`,
    nothing: 'Nothing to undo: no consolidation or ranking yet, or its "(cũ)" copy was deleted.',
  },
  steps: {
    nav: 'The planning steps',
    navShort: 'Step',
    top: 'Workbook',
    stepAria: (k: number, title: string, done: boolean, current: boolean): string => `Step ${k}: ${title}${done ? ' (done)' : current ? ' (current step)' : ''}`,
    status: (current: number, done: number, total: number): string => `Step ${current} · ${done}/${total} steps done`,
    results: (done: number, total: number): string => `${n(done)}/${n(total)} results in`,
    resultsTitle: 'Results of the step',
    missingOf: (list: string): string => `still missing: ${list}`,
    missing: 'not yet',
    tickStep: 'Mark the whole step done',
    notApplicable: 'The level above does this step.',
    gaps: (count: number): string => `${n(count)} task(s) of earlier steps still open.`,
    tools: { receive: 'Receive files', send: 'Send upward', drafts: 'II.7 drafts', handout: 'Conference handout', checklist: 'Dates and ticks', validate: 'Check forms', consolidate: 'Consolidation' },
    toolsLabel: (step: number): string => `Work of step ${step}`,
    buttons: {
      settings: 'Open Settings',
      receive: 'Choose received files',
      consolidate: 'Consolidate now',
      fix: (cell: string): string => `Go to cell ${cell}`,
      draft: (code: string): string => `Draft ${code}`,
      ballot: 'Create the ranking ballot',
      rank: 'Rank from the ballot',
      export: 'Export the plan file',
      open: 'Open this step',
    },
    next: (text: string): string => `Next: ${text}`,
    loading: 'Reading where the planning year is…',
    more: (count: number): string => `Show all ${n(count)}`,
  },
  home: {
    title: 'Overview',
    where: 'This workbook',
    planYear: 'Plan year',
    period: 'Period',
    level: 'Level',
    unit: 'Unit',
    notSet: 'not set',
    step: 'Current step',
    received: 'Received',
    villages: 'Villages',
    villagesNone: 'No village form yet.',
    villagesCount: (complete: number, total: number): string => `${n(complete)}/${n(total)} villages complete`,
    departments: 'Departments (form II.3)',
    departmentsNone: 'No form II.3 yet.',
    departmentsCount: (count: number): string => `${n(count)} sheet${count === 1 ? '' : 's'}`,
    upper: 'Guidance from the level above (form III.1)',
    upperYes: 'received',
    upperNo: 'not yet',
    plan: 'Consolidated plan',
    noPlan: 'No consolidated plan yet. Once the villages\' and departments\' forms are in, press Consolidate.',
    planUnavailable: 'This version cannot show the plan figures yet.',
    loading: 'Reading the workbook…',
    moneyUnit: 'Unit: million VND',
    headline: (count: number, amount: number): string => `${n(count)} activities · ${n(Math.round(amount / 100) / 10)} million VND`,
    returned: (count: number): string => `${n(count)} activit${count === 1 ? 'y' : 'ies'} returned to who proposed ${count === 1 ? 'it' : 'them'} (see Consolidate).`,
    byGroup: 'By funding group',
    byTopic: 'Resources by topic',
    bySource: 'Resources by source',
    share: 'Share for activities the villages proposed',
    shareHint: "The handbook asks for at least 75% of the budget money the commune allocates; the other two lines are for comparison.",
    shareNone: 'none yet',
    shareMark: 'mark: 75%',
    met: 'Met',
    notMet: 'Not met',
    compare: 'For comparison',
    activities: (count: number): string => `${n(count)} activit${count === 1 ? 'y' : 'ies'}`,
    millions: (amount: number): string => `${n(Math.round(amount / 100) / 10)} M VND`,
    percent: (share: number): string => `${n(Math.round(share * 1000) / 10)}%`,
    groups: {
      'no-outside-money': 'II.6.A – A. No outside money needed',
      investment: 'II.6.A – B. Development investment',
      recurrent: 'II.6.A – B. Recurrent spending',
      other: 'II.6.A – other',
      proposals: 'II.6.B – Proposals without a source yet',
    },
    topics: { csht: 'Infrastructure', 'kinh-te': 'Economy and production', 'vh-xh-mt': 'Culture, society and environment' },
    sources: {
      contribution: "People's contribution",
      budget: (fund?: string): string => (fund ? `Budget: ${fund}` : 'Budget (no fund source named)'),
      proposed: 'Proposed (no source yet)',
    },
    bases: {
      budget: 'Budget money the commune allocates (the handbook\'s base)',
      outside: 'Money needed from outside (budget + proposed)',
      all: 'All resources',
    },
    refresh: 'Refresh',
  },
  levels: { thon: 'Village', xa: 'Commune', huyen: 'District', tinh: 'Province' },
  levelGroups: { thon: 'Village forms', xa: 'Commune forms', huyen: 'District forms', tinh: 'Province forms' },
  errors: {
    detail: (d: string): string => `Technical detail: ${d}`,
    title: 'Could not be done',
    generic: 'Something unexpected went wrong in LKH. Try again; if it still fails, close this pane and open it again.',
    network: 'The connection was lost. Check the network and try again.',
    timeout: 'This ran too long and was stopped. Try again, or split the workbook into smaller files.',
    busy: 'The workbook is busy (editing a cell?). Click outside the cell and try again.',
  },
  common: { working: 'Working…', close: 'Close' },
  settings: {
    title: 'Workbook settings',
    intro: 'These settings are saved in the workbook itself, so the next person who opens the file sees them.',
    planYear: 'Plan year',
    planYearHint: 'The year the plan is for (the year after it is made), e.g. 2027.',
    planYearInvalid: 'The plan year must be a year from 2000 to 2100.',
    unitName: 'Commune / unit name',
    unitNamePlaceholder: 'e.g. Xã Tân Lập',
    level: 'Planning level',
    period: 'Program period',
    villages: 'Villages in the commune',
    villagesHint: 'Set once; "all sent" is judged against this number.',
    villagesInvalid: 'The number of villages must be a whole number from 1 to 200.',
    suggestedTitle: 'The forms received name:',
    suggestedUnit: (name: string, from: string) => `Commune: ${name} (${from})`,
    suggestedUpper: (name: string, from: string) => `Level above: ${name} (${from})`,
    suggestedAccept: 'Use these names and save',
    suggestedDismiss: 'Ignore',
    upperLevelName: 'Name of the level above',
    upperLevelHint: 'The handbook says "Huyện" (district). Since 1 July 2025 there are no districts: the level above the commune is the province (e.g. "Tỉnh Lào Cai").',
    periodHint: 'Follows the plan year: up to 2020, 2016-2020; then 2021-2025; from 2026, 2026-2030 (the merged program of Resolution 257/2025/QH15).',
    save: 'Save settings',
    saved: 'Settings saved in the workbook.',
    catalogueTitle: 'Programs, projects and fund sources',
    catalogueHint: 'Write the period\'s catalogue to a "Danh mục" sheet so the province or the commune can update it when a new decision comes; consolidation then uses it instead of the built-in one. Each entry names its legal basis and how it was checked.',
    writeCatalogue: 'Write the Danh mục sheet',
    catalogueWritten: (sheet: string, entries: number, period: string, kept?: string): string =>
      `Wrote sheet "${sheet}" (${n(entries)} entries, ${period}).${kept ? ` The old sheet was kept as "${kept}".` : ''}`,
  },
  forms: {
    title: 'Insert a form',
    form: 'Form',
    loading: 'Loading the forms…',
    unitName: 'Village / department name (optional)',
    unitNamePlaceholder: 'e.g. Thôn A, Hội Phụ nữ xã',
    unitNameHint: 'The new sheet is named after the unit, e.g. "Thôn A - I.2".',
    copyNote: 'If a sheet of the same name exists, the old one is kept as a copy, never deleted.',
    insert: 'Insert form',
    inserted: (sheet: string): string => `Created sheet "${sheet}".`,
    keptCopy: (copy: string): string => `The old sheet of the same name was kept as "${copy}".`,
    none: 'No forms yet.',
  },
  validate: {
    title: 'Check the workbook',
    intro: 'Recognises each form in the workbook and checks it against the handbook rules.',
    run: 'Check',
    running: 'Checking…',
    noErrors: 'No errors',
    counts: (errors: number, warnings: number): string => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    formsFound: (count: number): string => `Recognised ${count} form${count === 1 ? '' : 's'}.`,
    unrecognised: (sheets: string): string => `No form recognised in: ${sheets}.`,
    error: 'Error',
    warning: 'Warning',
    goTo: (sheet: string, cell: string): string => `Go to cell ${cell} of ${sheet}`,
  },
  consolidate: {
    title: 'One-click consolidation',
    intro: "Reads the departments' II.3 and the villages' I.2 forms and writes II.4.A, II.4.B, II.6.A, II.6.B, II.6.C.",
    copyNote: 'Existing sheets are kept as copies before they are rewritten; what the commune typed in the last run is kept.',
    run: 'Consolidate',
    rerun: 'Consolidate again',
    running: 'Consolidating… (this can take a minute)',
    readingSheet: (done: number, total: number, sheet: string): string => `Reading sheet ${n(done)} of ${n(total)}: ${sheet}…`,
    building: 'Building II.4.A, II.4.B and splitting the funding…',
    writing: 'Writing II.4.A, II.4.B, II.6.A, II.6.B, II.6.C…',
    headline: (r: { read: number; readAmount: number; balanced: boolean }): string =>
      `${n(r.read)} activities · ${n(Math.round(r.readAmount / 100) / 10)} million VND · ${r.balanced ? 'balanced' : 'NOT balanced'}`,
    headlineDetail: (r: { written: number; writtenAmount: number; returned: number; returnedAmount: number }): string =>
      `Written to II.4.B: ${n(r.written)} activities (${n(Math.round(r.writtenAmount / 100) / 10)} million VND); returned: ${n(r.returned)} (${n(Math.round(r.returnedAmount / 100) / 10)} million VND).`,
    section: (title: string, count: number): string => `${title} (${n(count)})`,
    checksFailed: (failed: number): string => (failed > 0 ? `${n(failed)} not met` : 'none not met'),
    kept: (vanished: number, manual: number): string =>
      [vanished > 0 ? `${n(vanished)} earlier rows no source proposes any more (kept, flagged)` : '', manual > 0 ? `${n(manual)} rows typed by the commune (kept)` : ''].filter(Boolean).join('; '),
    split: (ii6a: number, ii6b: number): string => `II.6.A: ${n(ii6a)} activities with known funding; II.6.B: ${n(ii6b)} activities without.`,
    returned: 'Activities returned to who proposed them',
    returnedFrom: (origin: string): string => `from ${origin}`,
    suggestions: 'Suggested merges of similar activities',
    suggestionsHint: 'Choose the suggestions to merge into one row; the original rows stay recorded as sources.',
    alreadyMerged: 'merged',
    acceptMerges: 'Merge the selected suggestions',
    conflictsTitle: 'Two different versions of one form — nothing was written',
    conflictsHint: 'Usually a village sent a corrected second version. Choose the version to keep for each form, then consolidate. Two versions are never added up.',
    conflictOf: (form: string, unit: string, sector?: string): string => `Form ${form} of ${unit}${sector ? ` (sector ${sector})` : ''}`,
    candidate: (where: string, activities: number, amount: number): string => `${where}: ${n(activities)} activities, ${n(Math.round(amount / 100) / 10)} million VND`,
    keepAll: 'Count them all — these are different units sharing a name',
    candidateWhere: (sheet: string, file?: string, modified?: string, imported?: string): string =>
      file ? `file ${file}${modified ? `, modified ${formatDate(modified, 'en')}` : imported ? `, imported ${formatDate(imported, 'en')}` : ''} — sheet "${sheet}"` : `sheet "${sheet}"`,
    consolidateChosen: 'Consolidate with the chosen versions',
    checks: 'Funding checks',
    passed: 'Passed',
    failed: 'Failed',
    unknown: 'Not checked',
    findings: 'Notes from reading and consolidating',
    sheets: (list: string): string => `Sheets written: ${list}.`,
    copies: (list: string): string => `Old versions kept (one per sheet): ${list}.`,
    removeCopies: 'Remove the old copies',
    willReplace: (sheets: string): string =>
      `Consolidate will write ${sheets} again. Each sheet there now is kept as a "(cũ)" copy (replacing the previous "(cũ)" copy); what the commune typed (objectives, budget/proposed, fund source, mechanism, priority, rows added by hand, accepted merges) is kept in the new sheets.`,
    willWrite: 'Consolidate will create II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and the report sheet; no sheet there now is overwritten.',
    copiesPresent: (count: number, list: string): string => `The workbook holds ${n(count)} old cop${count === 1 ? 'y' : 'ies'}: ${list}.`,
    removeCopiesConfirm: 'Delete every "(cũ)" sheet of the workbook for good? The current forms and what the commune typed stay as they are.',
    removedCopies: (count: number): string => (count > 0 ? `Removed ${n(count)} old copies.` : 'There were no old copies.'),
  },
  ranking: {
    title: 'Ranking',
    listSheet: 'List to rank',
    listGroup: 'Activity lists',
    otherGroup: 'Other sheets',
    noSheets: 'The workbook has no sheets yet.',
    method: 'Method',
    marks: 'Marks / beans',
    scores: 'Scoring by criteria',
    criteria: 'Criteria (agreed by the participants)',
    criterion: (i: number): string => `Criterion ${i}`,
    removeCriterion: (name: string): string => `Remove criterion "${name}"`,
    addCriterion: 'Add a criterion',
    resetCriteria: "Use the handbook's 4 criteria",
    participants: 'Number of participants',
    participantsInvalid: 'The number of participants must be a whole number from 1 to 500.',
    criteriaInvalid: 'At least one criterion is needed.',
    createBallot: 'Create the ballot',
    ballotCreated: (sheet: string, items: number): string =>
      `Created the ballot "${sheet}" with ${n(items)} activities. Print it for the participants, enter the results in the ballot sheet, then press "Rank from the ballot".`,
    ballotSheet: 'Filled ballot',
    noBallots: 'No ballot yet: create one first.',
    rank: 'Rank from the ballot',
    rankNote: "The list's Priority column is written and its rows are sorted by rank; the ballot sheet stays as the record of the count, LKH only adds its conclusion on validity. Type the households, people present, women and people agreeing in the \"Tính hợp lệ\" part under the ballot; a blank cell is taken from the village's forms I.1 and I.3.",
    validityTitle: 'Validity of the priority list',
    validityWritten: (sheet: string, cell: string): string => `Conclusion written in cell ${cell} of sheet "${sheet}".`,
    ranked: (sheet: string, participants: number): string => `Ranked "${sheet}" from the ballots of ${n(participants)} participants.`,
    colRank: 'Rank',
    colActivity: 'Activity',
    colTotal: 'Total',
    refresh: 'Reload the sheet list',
  },
  year: {
    heading: (s: YearStepView): string => `Step ${s.n}: ${s.titleEn ?? s.title}`,
    what: (i: YearItemView): string => i.whatEn ?? i.what,
    evidence: (e: YearEvidenceView): string => evidenceEn(e),
    missing: (m: string): string => MISSING_EN[m] ?? m.replace(/^(\d+) thôn chưa có tên$/u, '$1 villages not named yet'),
    summary: (y: YearView): string => {
      const head = y.steps.find((x) => x.n === y.current);
      const gaps = y.gaps.length > 0 ? ` · ${n(y.gaps.length)} open in earlier steps` : '';
      return `${head ? `Step ${head.n}: ${head.titleEn ?? head.title}` : `Step ${y.current}`} · ${n(y.counts.resultsDone)}/${n(y.counts.results)} results${gaps}`;
    },
    villages: (v: NonNullable<YearView['villages']>): string =>
      v.expected === 0 ? 'No village has sent a form yet' : `${n(v.complete)}/${n(v.expected)} villages sent all of forms I.1, I.2, I.3${v.expectedSet === false ? ' (number of villages not set)' : ''}`,
    deadline: (d: NonNullable<YearStepView['deadline']>): string =>
      d.end === undefined || d.daysLeft === undefined
        ? d.text
        : d.daysLeft < 0
          ? `${n(-d.daysLeft)} days late (due ${formatDate(d.end, 'en')})`
          : d.daysLeft === 0
            ? `Due today (${formatDate(d.end, 'en')})`
            : `Due ${formatDate(d.end, 'en')} (${n(d.daysLeft)} days left)`,
    next: (x: YearNextView): string => (x.say ? nextEn(x.say) : x.text),
  },
  checklist: {
    current: 'In progress',
    title: 'Planning steps',
    intro: (level: string, year: number): string => `The seven steps of the ${level.toLowerCase()} level, plan year ${year}.`,
    unavailable: 'The step checklist is not available in this version.',
    noPlanYear: 'Enter the plan year and choose the level in Settings to see the steps.',
    loading: 'Loading the steps…',
    dates: (from: string, to: string): string => (from === to ? to : `${from} – ${to}`),
    status: { done: 'Done', 'due-soon': 'Due soon', overdue: 'Overdue', upcoming: 'Upcoming', 'not-applicable': 'Not applicable' },
    formIn: (sheets: string): string => `in: ${sheets}`,
    villages: 'What each village has sent',
    formMissing: 'not in the workbook yet',
    markStep: 'Mark the whole step done',
    markItem: 'Mark this task done',
    fiveYear: '5-year planning calendar (Annex 2).',
    overridden: 'dates changed',
    changeDates: 'Change dates',
    start: 'From',
    end: 'To',
    saveDates: 'Save dates',
    resetDates: "Use the handbook's dates",
    reload: 'Refresh from the workbook',
  },
  sheet: {
    title: 'View the workbook',
    intro: 'See each sheet of the open workbook. Cells with an error are red, cells to review yellow; click an error in "Check" or "Consolidate" to come to its cell.',
    pick: 'Sheet',
    loading: 'Reading the sheet…',
    none: 'The workbook has no sheets yet.',
    empty: 'This sheet is empty.',
    grid: (sheet: string): string => `Sheet ${sheet} (read only)`,
    marked: (errors: number, warnings: number): string => `This sheet has ${n(errors)} error${errors === 1 ? '' : 's'}, ${n(warnings)} warning${warnings === 1 ? '' : 's'}:`,
    fix: 'This view is read only. To fix an error: download, fix it in Excel and open the file again ("Download", then "Open files").',
    readOnly: 'Read only. To change something: download, edit in Excel and open the file again.',
    refresh: 'Read again',
    fixHere: 'Click a cell address to see the cell on its sheet. To fix an error: download, fix it in Excel and open the file again.',
  },
  files: {
    importTitle: 'Forms received by e-mail or Zalo',
    importHint: 'Choose one or more .xlsx files received from villages, departments or communes. Each file is added as new sheets; no existing sheet is overwritten.',
    choose: 'Choose .xlsx files',
    reading: 'Reading the files…',
    readingOf: (done: number, total: number, name: string): string => `Reading file ${done} of ${total}: ${name}…`,
    notXlsx: (names: string): string => `Only .xlsx files are accepted; skipped: ${names}.`,
    importedCount: (count: number): string => `Added ${n(count)} sheet(s)`,
    imported: (count: number, sheets: string): string => `Added ${n(count)} sheet${count === 1 ? '' : 's'}: ${sheets}.`,
    importedNone: 'No sheet was added.',
    failedTitle: (count: number, othersAdded: boolean): string => `${count === 1 ? 'One file' : `${n(count)} files`} could not be opened${othersAdded ? '; the other files were still added' : ''}:`,
    exportTitle: 'Send to the level above',
    exportHint: (upper: string): string => `Creates an Excel file with II.4.A, II.4.B, II.6.A, II.6.B to send to ${upper}. This workbook is not changed.`,
    export: 'Export the file for the level above',
    exporting: 'Creating the file…',
    exported: (file: string): string => `Created the file "${file}".`,
  },
};
