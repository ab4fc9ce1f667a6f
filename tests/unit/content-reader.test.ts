/**
 * The one Node reader of the content: every real file read with the schemas Astro uses, and a bad
 * file refused naming the file, the field and the fix, as the build refuses it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFileError, editionSlugs, parseContentFile, readContentFolder, readEditionCollection, readEditionFile, type EditionCollection } from '../../src/lib/contentReader.ts';
import { contentSchemas, type CollectionName } from '../../src/lib/contentSchemas.ts';
import { readActions } from '../../tools/lib/action-files.ts';
import { loadAbbreviations } from '../../src/markdown/abbreviations.ts';
import { ROOT } from '../helpers/dist.ts';

const EDITIONS = join(ROOT, 'content/editions');
const COLLECTIONS: EditionCollection[] = ['chapters', 'themes', 'actions', 'leads', 'promises', 'principles', 'quotes', 'figures'];
const realFile = (path: string) => readFileSync(join(EDITIONS, path), 'utf8');

describe('the content reader on the real content', () => {
  it('reads the collections Astro defines, with the same schemas', () => {
    // content.config.ts cannot load outside Astro (astro:content): its list of collections is read as text.
    const config = readFileSync(join(ROOT, 'src/content.config.ts'), 'utf8');
    const defined = /export const collections = \{([^}]*)\}/.exec(config)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean);
    expect(defined?.sort()).toEqual(Object.keys(contentSchemas).sort());
    for (const name of Object.keys(contentSchemas)) expect(config, name).toMatch(new RegExp(`schema: schemas\\.${name}\\b`));
  });

  it.each(editionSlugs(EDITIONS))('edition %s: every file of every collection, validated (defaults filled, dates read as dates)', (edition) => {
    expect(readEditionFile(EDITIONS, edition).edition).toBe(edition);
    for (const collection of COLLECTIONS) {
      const dir = join(EDITIONS, edition, collection);
      const onDisk = existsSync(dir) ? readdirSync(dir).filter((name) => /\.(yaml|mdx)$/.test(name)) : [];
      const files = readEditionCollection(EDITIONS, edition, collection);
      expect(files.map((f) => f.id), collection).toEqual(onDisk.sort().map((name) => name.replace(/\.(yaml|mdx)$/, '')));
      for (const file of files) expect(file.data.edition, file.filePath).toBe(edition);
    }
    for (const action of readEditionCollection(EDITIONS, edition, 'actions')) {
      expect(Array.isArray(action.data.inherited) && Array.isArray(action.data.progress), action.filePath).toBe(true);
      for (const update of action.data.progress) expect(update.asAt, action.filePath).toBeInstanceOf(Date);
    }
  });

  it('reads a chapter\'s front matter, not its body', () => {
    const [chapter] = readEditionCollection(EDITIONS, '2017-20', 'chapters');
    expect(chapter?.data.title).toBeTruthy();
    expect(chapter?.data.order).toBeGreaterThan(0);
  });

  it('reads the glossary and the synonyms', () => {
    expect(readContentFolder('glossary', join(ROOT, 'content/glossary')).length).toBe(readdirSync(join(ROOT, 'content/glossary')).length);
    expect(readContentFolder('synonyms', join(ROOT, 'content/synonyms')).every((s) => s.data.people.length > 0)).toBe(true);
  });

  it('gives no files for a folder that does not exist', () => {
    expect(readContentFolder('glossary', join(ROOT, 'content/no-such-folder'))).toEqual([]);
  });
});

const action = realFile('2017-20/actions/p4-a2.yaml');
const theme = realFile('2017-20/themes/p6.yaml');
const edition = realFile('2017-20/edition.yaml');
const chapter = realFile(`2017-20/chapters/${readdirSync(join(EDITIONS, '2017-20/chapters'))[0]}`);

describe.each<[string, CollectionName, string, string[]]>([
  ['a wrong type', 'actions', action.replace(/^order: 2$/m, 'order: "second"'), ['field "order": "second" is not a number: write a number']],
  ['a missing field', 'themes', theme.replace(/^text: .*$/m, ''), ['field "text" is missing: add it, with text']],
  ['a status off the Board\'s list, an empty note', 'actions', `${action.replace(/progress:[\s\S]*$/, '')}progress:\n  - status: "nearly"\n    asAt: 2018-01-01\n    note: ""\n    reportedBy: "y"\n`, [
    'field "progress.0.status": "nearly" is not allowed: write one of "not-started", "in-progress", "at-risk", "complete", "no-longer-applicable"',
    'field "progress.0.note" is empty: write at least 1 character(s)',
  ]],
  ['a correction without its date', 'actions', `${action.replace(/progress:[\s\S]*$/, '')}progress:\n  - status: "complete"\n    asAt: 2018-01-01\n    note: "x"\n    reportedBy: "y"\n    corrections:\n      - status: "complete"\n        note: "x"\n        reportedBy: "y"\n`, [
    'field "progress.0.corrections.0.correctedOn" is missing: add it, with a date such as 2018-03-31',
  ]],
  ['an empty list', 'actions', action.replace(/^leads:\n(\s+- .*\n)+/m, 'leads: []\n'), ['field "leads" is empty: give at least 1 item(s)']],
  ['a slug out of its form', 'actions', action.replace(/^edition: .*$/m, 'edition: "2017"'), ['field "edition": "2017" is not in its form: write an edition slug such as "2017-20"']],
  ['a pattern', 'editions', edition.replace(/^themePath: .*$/m, 'themePath: "Pledge"'), ['field "themePath": "Pledge" is not in its form: write text matching /^[a-z-]+$/']],
  ['a number that must be whole', 'editions', edition.replace(/^startYear: .*$/m, 'startYear: 2017.5'), ['field "startYear": 2017.5 is not a whole number: write a whole number']],
  ['a rule across fields', 'glossary', 'abbreviation: "XYZ"\nbasis: "given"\neditions: ["2017-20"]\n', [
    'field "expansion": an expansion is required unless basis is "uncertain"',
    'field "sourceText": sourceText is required when basis is "given"',
  ]],
  ['broken YAML', 'themes', 'code: [unclosed\n', ['is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ['a chapter without front matter', 'chapters', chapter.replace(/^---\n[\s\S]*?\n---\n/, ''), ['has no front matter: begin the file with a line "---", its fields, and another "---"']],
])('a file with %s', (_what, collection, text, problems) => {
  const file = `content/editions/2017-20/${collection}/bad.yaml`;
  const error = (() => {
    try {
      parseContentFile(collection, text, file);
    } catch (e) {
      return e;
    }
    return undefined;
  })();

  it('is refused, naming the file, each field and its fix, and where the fields are described', () => {
    expect(error).toBeInstanceOf(ContentFileError);
    const { message, filePath, problems: found } = error as ContentFileError;
    expect(filePath).toBe(file);
    for (const problem of problems) expect(message).toContain(`${file}: ${problem}`);
    const schemaProblems = found.filter((p) => !p.startsWith('is not valid YAML') && !p.startsWith('has no front matter'));
    if (schemaProblems.length > 0) expect(found.at(-1)).toBe('each field is described in src/lib/contentSchemas.ts');
    expect(message.split('\n').every((line) => line.startsWith(`${file}: `))).toBe(true);
  });
});

describe('reading a folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'content-reader-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads only its collection\'s files, sorted, and fails on the first bad one naming it', () => {
    const dir = join(work, 'themes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'p6.yaml'), theme);
    writeFileSync(join(dir, 'notes.txt'), 'not content');
    expect(readContentFolder('themes', dir).map((f) => f.id)).toEqual(['p6']);
    writeFileSync(join(dir, 'p1.yaml'), theme.replace(/^number: .*$/m, 'number: 0'));
    expect(() => readContentFolder('themes', dir)).toThrow(`${join(dir, 'p1.yaml')}: field "number": 0 is too small: write a number greater than 0`);
  });
});

describe('npm run progress reads the action files through the reader', () => {
  const work = mkdtempSync(join(tmpdir(), 'content-reader-progress-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a bad action file as the build does, rather than making a template of it', () => {
    cpSync(EDITIONS, work, { recursive: true });
    expect(readActions(work, '2017-20').length).toBe(readEditionCollection(EDITIONS, '2017-20', 'actions').length);
    const file = join(work, '2017-20/actions/p4-a2.yaml');
    writeFileSync(file, action.replace(/^order: 2$/m, 'order: "second"'));
    expect(() => readActions(work, '2017-20')).toThrow(`${file}: field "order": "second" is not a number: write a number`);
  });
});

describe('the chapters\' markdown plugin reads the glossary through the reader', () => {
  const work = mkdtempSync(join(tmpdir(), 'content-reader-glossary-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a glossary entry the build would refuse, naming the file and the field', () => {
    cpSync(join(ROOT, 'content/glossary'), work, { recursive: true });
    expect(loadAbbreviations(work).length).toBeGreaterThan(10);
    const file = join(work, 'zz-bad.yaml');
    writeFileSync(file, 'abbreviation: "ZZ"\nbasis: "probably"\neditions: ["2017-20"]\n');
    expect(() => loadAbbreviations(work)).toThrow(`${file}: field "basis": "probably" is not allowed: write one of "given", "standard", "uncertain"`);
  });
});
