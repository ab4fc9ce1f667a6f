/**
 * Quarterly progress returns, from a spreadsheet to the action files.
 *
 *   npm run progress -- template --edition 2017-20 --out returns.csv
 *   npm run progress -- import returns.csv [--dry-run | --build]
 *
 * `template` writes one row per action to fill in. `import` checks every row first and, on any
 * problem, lists them all and changes no file; otherwise it appends each update to its action's
 * file and, with `--build`, builds the site with them (`npm run build`), so that one command
 * takes a return to the published pages. CONTENT_DIR points at another copy of
 * content/editions (as for the build); `--today` fixes "today" for the future-date check (for
 * tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localToday, PROGRESS_STATUSES, STATUS_LABELS } from '../src/lib/progress.ts';
import { actionKey, checkReturn, describeUpdate, formatProblems, readReturn, returnTemplateCsv } from '../src/lib/progressReturns.ts';
import { appendProgress } from '../src/lib/progressYaml.ts';
import { editionSlugs, readActions } from './lib/action-files.ts';

const USAGE = `Usage:
  npm run progress -- template --edition 2017-20 [--out returns.csv]
  npm run progress -- import returns.csv [--dry-run | --build]`;

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const contentDir = resolve(PROJECT, process.env['CONTENT_DIR'] ?? 'content/editions');
// npm runs scripts from the project folder; file names are the officer's, relative to where they typed.
const userDir = process.env['INIT_CWD'] ?? process.cwd();
const fromUser = (path: string) => resolve(userDir, path);
/** A path as short as it can be said from `base`: relative inside it, absolute outside. */
const shown = (path: string, base = PROJECT) => {
  const short = relative(base, path);
  return short && !short.startsWith('..') ? short : path;
};
const shownToUser = (path: string) => shown(path, userDir);

function template(args: string[]): number {
  const { values } = parseArgs({ args, options: { edition: { type: 'string' }, out: { type: 'string' } } });
  const slugs = editionSlugs(contentDir);
  if (!values.edition || !slugs.includes(values.edition)) {
    console.error(`Give the edition: --edition ${slugs.join(' or --edition ')}`);
    return 2;
  }
  const actions = readActions(contentDir, values.edition);
  const out = fromUser(values.out ?? `progress-return-${values.edition}.csv`);
  writeFileSync(out, returnTemplateCsv(actions));
  console.log(`Wrote ${shownToUser(out)}: ${actions.length} actions of edition ${values.edition}.`);
  console.log('Fill in "status", "as_at", "note" and "reported_by" for each action with news; leave "status" empty for the rest.');
  console.log(`Dates day first (31/03/2018) or as 2018-03-31. Statuses: ${PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}.`);
  console.log(`Then: npm run progress -- import ${shownToUser(out)}`);
  return 0;
}

function importReturn(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, build: { type: 'boolean', default: false }, today: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error('--today takes a date such as 2018-04-20');
    return 2;
  }
  const source = fromUser(positionals[0]!);
  if (!existsSync(source)) {
    console.error(`There is no file ${shownToUser(source)}.`);
    return 2;
  }
  const actions = editionSlugs(contentDir).flatMap((edition) => readActions(contentDir, edition));
  const files = new Map(actions.map((a) => [actionKey(a.edition, a.code), a.file]));
  const read = readReturn(readFileSync(source, 'utf8'));
  const checked = read.problems.length > 0 ? { updates: [], problems: read.problems } : checkReturn(read.rows, { today: values.today ?? localToday(), recorded: new Map(actions.map((a) => [actionKey(a.edition, a.code), a.progress])) });

  if (checked.problems.length > 0) {
    console.error(`${shownToUser(source)} has ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}. Nothing was imported: no file was changed.`);
    for (const line of formatProblems(checked.problems)) console.error(`  ${line}`);
    return 1;
  }
  if (checked.updates.length === 0) {
    console.log(`${shownToUser(source)} has no updates (every "status" is empty). No file was changed.`);
    return 0;
  }

  // Every file's new text is made (and checked) before the first is written.
  const byFile = new Map<string, typeof checked.updates>();
  for (const planned of checked.updates) {
    const file = files.get(actionKey(planned.edition, planned.code))!;
    byFile.set(file, [...(byFile.get(file) ?? []), planned]);
  }
  const writes = [...byFile].map(([file, planned]) => ({ file, text: appendProgress(readFileSync(file, 'utf8'), planned.map((p) => p.update), shown(file)) }));

  if (!values['dry-run']) for (const { file, text } of writes) writeFileSync(file, text);
  const count = `${checked.updates.length} update${checked.updates.length === 1 ? '' : 's'}`;
  console.log(values['dry-run'] ? `Would add ${count} (dry run: no file was changed):` : `Added ${count}:`);
  for (const planned of checked.updates) console.log(`  Row ${planned.row}: ${describeUpdate(planned)} → ${shown(files.get(actionKey(planned.edition, planned.code))!)}`);
  if (values['dry-run']) return 0;
  if (!values.build) {
    console.log('Run `npm run build` (or `npm start`) to publish them, or import with --build next time.');
    return 0;
  }
  console.log('Building the site with them (npm run build)…');
  return spawnSync('npm', ['run', 'build'], { cwd: PROJECT, stdio: 'inherit' }).status ?? 1;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => number> = { template, import: importReturn };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = run(rest);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
