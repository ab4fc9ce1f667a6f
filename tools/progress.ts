/**
 * Quarterly progress returns, from the spreadsheets officers use to the action files.
 *
 *   npm run progress -- template --edition 2017-20 --out returns/
 *   npm run progress -- import returns/principal-manager-ciccl.xlsx [--dry-run] [--corrections] [--build]
 *
 * `template` writes one Excel workbook per lead (the actions its lead page credits it with) and
 * one for the whole plan. `import` reads a returned .xlsx, .ods or .csv (judged by its content,
 * not its name), checks every row first and, on any problem, lists them all and changes no file;
 * otherwise it adds each update to its action's file (or, with --corrections, corrects one) and,
 * with --build, builds the site with them. CONTENT_DIR points at another copy of
 * content/editions (as for the build); --today fixes "today" (for tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { longDate } from '../src/lib/dates.ts';
import { localToday, PROGRESS_STATUSES, STATUS_LABELS, STATUS_MEANINGS } from '../src/lib/progress.ts';
import { actionKey, checkReturn, describeCorrection, describeUpdate, formatProblems, nonAsciiCharacters, returnSheet, type PlannedUpdate } from './lib/progress-returns.ts';
import { MAX_FILE_BYTES, MAX_ROWS, readSpreadsheet } from './lib/return-files.ts';
import { returnTemplateXlsx } from './lib/return-template.ts';
import { appendProgress, correctProgress } from './lib/progress-yaml.ts';
import { editionSlugs, readActions, readEdition, readLeads } from './lib/action-files.ts';

const STATUSES = PROGRESS_STATUSES.map((s) => `    ${STATUS_LABELS[s].padEnd(22)}${STATUS_MEANINGS[s]}`).join('\n');
/** The whole plan's workbook, beside one per lead. */
const WHOLE_PLAN = 'whole-plan';

const HELP = {
  main: `Progress returns: templates for the officers, and importing what they send back.

Usage:
  npm run progress -- template --edition 2017-20 --out returns/
  npm run progress -- import returns/principal-manager-ciccl.xlsx --dry-run
  npm run progress -- import returns/principal-manager-ciccl.xlsx --build

  template   writes the workbooks to send out: one per lead, one for the whole plan
  import     reads a return sent back (.xlsx, .ods or .csv) into the action files

Each has its own help: npm run progress -- template --help, npm run progress -- import --help.

Statuses (the Board's list):
${STATUSES}

Dates ("As at") are read day first: 31/03/2018, 31/03/18, 31.03.2018, 31 March 2018, or 2018-03-31;
a date cell in a workbook is read as its date.`,
  template: `Usage: npm run progress -- template --edition EDITION [--out FOLDER/ | --out FILE.xlsx] [--lead LEAD]

Writes Excel workbooks (they open in Excel and LibreOffice) for officers to fill in:
  --out returns/        a folder: ${WHOLE_PLAN}.xlsx, and one workbook per lead named by the lead's
                        page (principal-manager-ciccl.xlsx), holding the actions its lead page lists
  --out return.xlsx     one workbook: the whole plan, or with --lead the actions of that lead
  --lead LEAD           the lead's page name, as in /2017-20/leads/principal-manager-ciccl/

Each workbook has a sheet of instructions and the sheet "Return": the plan's words locked, a
drop-down of the statuses, date cells for "As at", and four cells to fill in per action.

Example:
  npm run progress -- template --edition 2017-20 --out returns/`,
  import: `Usage: npm run progress -- import FILE [--dry-run] [--corrections] [--build [--preview]]

Reads a return as it comes back: an Excel workbook (.xlsx), a LibreOffice spreadsheet (.ods) or
CSV (UTF-8, or Excel's plain "CSV", which is Windows-1252: read and said so), judged by the
file's content, not its name. Returns made from the CSV template used before the workbooks
import too. Every row is checked first: on any problem nothing is imported and no file changes.

  --dry-run       check the return and say what it would do; change nothing
  --corrections   a row for an action and "as at" date already recorded, in other words, corrects
                  that update (shown on the page as corrected, with the date and what it said);
                  without it such a row is refused. Rows identical to what is recorded are skipped.
  --build         then build the site (npm run build). A build to publish needs the address it
                  will be published at: SITE_URL=https://www.example.gov.uk npm run progress -- …
  --preview       with --build, build for a local preview (links say http://localhost:4321/)
  --today DATE    take DATE (2018-04-20) as today, for tests

Limits: ${MAX_FILE_BYTES / 1024 / 1024} MB a file, ${MAX_ROWS.toLocaleString('en-GB')} filled rows a return.

Statuses:
${STATUSES}

Dates are read day first (31/03/2018 or 2018-03-31); a date cell in a workbook as its date.

Example:
  npm run progress -- import returns/principal-manager-ciccl.xlsx --dry-run`,
};

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
const plural = (n: number, thing: string) => `${n.toLocaleString('en-GB')} ${thing}${n === 1 ? '' : 's'}`;

class UsageError extends Error {}

async function template(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { edition: { type: 'string' }, out: { type: 'string' }, lead: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return help('template');
  const slugs = editionSlugs(contentDir);
  if (!values.edition || !slugs.includes(values.edition)) throw new UsageError(`Give the edition: --edition ${slugs.join(' or --edition ')}`);
  const edition = values.edition;
  const { title, startYear } = readEdition(contentDir, edition);
  const actions = readActions(contentDir, edition);
  const leads = readLeads(contentDir, edition).map((lead) => ({ ...lead, actions: actions.filter((a) => a.leads.some((l) => l.id === lead.id)) }));
  const workbook = (leadName: string | undefined, ofActions: typeof actions) => returnTemplateXlsx({ edition, editionTitle: title, startYear, actions: ofActions, ...(leadName ? { leadName } : {}) });

  const lead = values.lead === undefined ? undefined : leads.find((l) => l.id === values.lead);
  if (values.lead !== undefined && !lead) throw new UsageError(`There is no lead "${values.lead}" in edition ${edition}: give one of ${leads.map((l) => l.id).join(', ')}`);
  const out = fromUser(values.out ?? `progress-returns-${edition}/`);

  if (out.endsWith('.xlsx')) {
    const ofActions = lead ? lead.actions : actions;
    writeFileSync(out, await workbook(lead?.name, ofActions));
    console.log(`Wrote ${shownToUser(out)}: ${plural(ofActions.length, 'action')} of edition ${edition}${lead ? `, led by ${lead.name}` : ''}.`);
  } else {
    if (/\.[a-z]{2,4}$/i.test(out)) throw new UsageError(`--out takes a folder (a workbook per lead) or a file name ending .xlsx, not ${values.out}`);
    if (lead) throw new UsageError('--lead goes with --out FILE.xlsx; a folder gets every lead\'s workbook');
    mkdirSync(out, { recursive: true });
    if (leads.some((l) => l.id === WHOLE_PLAN)) throw new Error(`A lead is named "${WHOLE_PLAN}", which is the whole plan's workbook: rename the lead's file`);
    const files = [{ name: `${WHOLE_PLAN}.xlsx`, who: 'the whole plan', leadName: undefined as string | undefined, actions }, ...leads.filter((l) => l.actions.length > 0).map((l) => ({ name: `${l.id}.xlsx`, who: l.name, leadName: l.name, actions: l.actions }))];
    for (const file of files) writeFileSync(join(out, file.name), await workbook(file.leadName, file.actions));
    console.log(`Wrote ${plural(files.length, 'workbook')} to ${shownToUser(out)} for edition ${edition}:`);
    const width = Math.max(...files.map((f) => f.name.length));
    for (const file of files) console.log(`  ${file.name.padEnd(width)}  ${plural(file.actions.length, 'action')}: ${file.who}`);
  }
  console.log('Send each lead their workbook. Officers fill in "Status", "As at", "Note" and "Reported by" for each action with news.');
  console.log(`When a return comes back: npm run progress -- import RETURN.xlsx --dry-run`);
  return 0;
}

async function importReturn(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      preview: { type: 'boolean', default: false },
      corrections: { type: 'boolean', default: false },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help('import');
  if (positionals.length !== 1) throw new UsageError('Give one return to import: npm run progress -- import FILE (see --help)');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today takes a date such as 2018-04-20');
  if (values.preview && !values.build) throw new UsageError('--preview goes with --build');
  // Checked before anything is written: a return imported for a build that cannot run is half done.
  if (values.build && !values.preview && !process.env['SITE_URL']) {
    throw new UsageError(
      '--build publishes the site, and its links, sitemap and feeds must name the address it is published at: give it as SITE_URL=https://… npm run progress -- import … --build, or add --preview for a local preview build (links to http://localhost:4321/).',
    );
  }
  const today = values.today ?? localToday();
  const source = fromUser(positionals[0]!);
  const name = shownToUser(source);
  if (!existsSync(source) || !statSync(source).isFile()) throw new UsageError(`There is no file ${name}.`);
  const refuse = (lines: string[]) => {
    console.error(lines.join('\n'));
    return 1;
  };
  const nothingChanged = 'Nothing was imported: no file was changed.';
  const size = statSync(source).size;
  if (size > MAX_FILE_BYTES) return refuse([`${name} is ${(size / 1024 / 1024).toFixed(1)} MB, more than a return can be (${MAX_FILE_BYTES / 1024 / 1024} MB at most): check it is the progress return. ${nothingChanged}`]);

  const read = await readSpreadsheet(new Uint8Array(readFileSync(source)));
  if ('refused' in read) return refuse([`${name} ${read.refused}. ${nothingChanged}`]);
  const sheet = returnSheet(read);
  const unknown = sheet.unknownColumns
    .filter((c) => c.name !== '' || c.filledRows.length > 0)
    .map((c) => `Column ${c.letter}${c.name ? ` "${c.name}"` : ' (no heading)'} is not a column of the return, so it is not imported${c.filledRows.length > 0 ? ` (filled in ${c.filledRows.length === 1 ? 'row' : 'rows'} ${c.filledRows.slice(0, 10).join(', ')}${c.filledRows.length > 10 ? ', …' : ''})` : ' (empty)'}. Words for the action's page belong in "Note".`);

  const actions = editionSlugs(contentDir).flatMap((edition) => readActions(contentDir, edition));
  const files = new Map(actions.map((a) => [actionKey(a.edition, a.code), a.file]));
  const leads = new Map(editionSlugs(contentDir).map((edition) => [edition, readLeads(contentDir, edition)]));
  const checked = checkReturn(sheet.rows, { today, actions: new Map(actions.map((a) => [actionKey(a.edition, a.code), a])), leads, corrections: values.corrections });
  const problems = [...sheet.problems, ...checked.problems];
  const where = sheet.sheet ? `, sheet "${sheet.sheet}"` : '';

  if (problems.length > 0) {
    return refuse([
      `${name}, read as ${read.readAs}${where}, has ${plural(problems.length, 'problem')}. ${nothingChanged}`,
      ...formatProblems(problems, sheet.names).map((line) => `  ${line}`),
      ...unknown.map((line) => `  ${line}`),
    ]);
  }

  const lines: string[] = [`Read ${name}: ${read.readAs}${where}, ${plural(sheet.rows.length, 'row')}.`];
  if (read.decodedFrom === 'Windows-1252') {
    const chars = nonAsciiCharacters([...checked.updates, ...checked.corrections]);
    lines.push(
      chars.length > 0
        ? `  It is not UTF-8: it was read as Windows-1252, what Excel's plain "CSV" saves. Check these characters as read: ${chars.join(' ')}. If any is wrong, save the return as "CSV UTF-8" (or as a workbook) and import that instead.`
        : '  It is not UTF-8: it was read as Windows-1252, what Excel\'s plain "CSV" saves; its updates hold no character that reads differently.',
    );
  } else if (read.decodedFrom === 'UTF-16') lines.push('  It is UTF-16 text (Excel\'s "Unicode Text"), read as such.');
  for (const line of unknown) lines.push(`  Warning: ${line}`);
  for (const line of formatProblems(checked.warnings, sheet.names)) lines.push(`  Warning: ${line}`);
  if (checked.recorded.length > 0) lines.push(`  Already recorded, nothing to do: ${plural(checked.recorded.length, 'row')} (${checked.recorded.map((r) => `row ${r.row}, ${r.code}`).slice(0, 10).join('; ')}${checked.recorded.length > 10 ? '; …' : ''}).`);
  for (const repeat of checked.repeats) lines.push(`  Row ${repeat.row} repeats row ${repeat.of} word for word: counted once.`);

  if (checked.updates.length === 0 && checked.corrections.length === 0) {
    console.log([...lines, `Nothing new to import. No file was changed.`].join('\n'));
    return 0;
  }

  // Every file's new text is made (and checked) before the first is written.
  const fileOf = (p: PlannedUpdate) => files.get(actionKey(p.edition, p.code))!;
  const texts = new Map<string, string>();
  const textOf = (file: string) => texts.get(file) ?? readFileSync(file, 'utf8');
  for (const correction of checked.corrections) texts.set(fileOf(correction), correctProgress(textOf(fileOf(correction)), { index: correction.index, update: correction.update, correctedOn: today }, shown(fileOf(correction))));
  const appended = new Map<string, PlannedUpdate[]>();
  for (const planned of checked.updates) appended.set(fileOf(planned), [...(appended.get(fileOf(planned)) ?? []), planned]);
  for (const [file, planned] of appended) texts.set(file, appendProgress(textOf(file), planned.map((p) => p.update), shown(file)));
  if (!values['dry-run']) for (const [file, text] of texts) writeFileSync(file, text);

  const would = values['dry-run'];
  if (checked.updates.length > 0) {
    lines.push(`${would ? 'Would add' : 'Added'} ${plural(checked.updates.length, 'update')}:`);
    for (const planned of checked.updates) lines.push(`  Row ${planned.row}: ${describeUpdate(planned)} → ${shown(fileOf(planned))}`);
  }
  if (checked.corrections.length > 0) {
    lines.push(`${would ? 'Would correct' : 'Corrected'} ${plural(checked.corrections.length, 'update')}, shown as corrected on ${longDate(today)} with what ${checked.corrections.length === 1 ? 'it' : 'they'} said before:`);
    for (const planned of checked.corrections) lines.push(`  Row ${planned.row}: ${describeCorrection(planned)} → ${shown(fileOf(planned))}`);
  }
  if (would) lines.push('Dry run: no file was changed.');
  console.log(lines.join('\n'));
  if (would) return 0;
  if (!values.build) {
    console.log('Run `npm run build` (or `npm start`) to publish them, or import with --build next time.');
    return 0;
  }
  console.log(`Building the site with them (npm run build)${values.preview && !process.env['SITE_URL'] ? ', as a local preview' : ''}…`);
  return spawnSync('npm', ['run', 'build'], { cwd: PROJECT, stdio: 'inherit' }).status ?? 1;
}

function help(topic: keyof typeof HELP): number {
  console.log(HELP[topic]);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { template, import: importReturn };
const run = command ? commands[command] : undefined;
if (command === '--help' || command === '-h' || command === 'help') process.exitCode = help('main');
else if (!run) {
  console.error(`${command ? `There is no command "${command}". ` : ''}${HELP.main.split('\n\n')[1]}\n\nMore: npm run progress -- --help`);
  process.exitCode = 2;
} else {
  run(rest).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // A usage slip (or an unknown option from parseArgs) says how to ask for help.
      const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      console.error(usage ? `${(error as Error).message}\nSee: npm run progress -- ${command} --help` : (error as Error).message);
      process.exitCode = 2;
    },
  );
}
