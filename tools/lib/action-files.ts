/** The action files of the content, read as an editor writes them, for `npm run progress`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseReportDate } from '../../src/lib/progress.ts';
import type { ProgressCorrection, ProgressEntry, ReturnAction } from './progress-returns.ts';

export interface ActionFile extends ReturnAction {
  file: string;
  themeNumber: number;
  order: number;
}

const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const yamlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);
export const editionSlugs = (contentDir: string) => readdirSync(contentDir).filter((name) => existsSync(join(contentDir, name, 'edition.yaml'))).sort();

/** A recorded date as "2018-03-31", however the file wrote it. */
function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const reading = parseReportDate(String(value));
  return 'iso' in reading ? reading.iso : String(value);
}

export interface LeadFile {
  /** The file's name, as lead pages and actions' `leads` use it: "principal-manager-ciccl". */
  id: string;
  name: string;
  /** Every spelling of the lead: its name and its aliases. */
  aliases: string[];
}

/** The leads of an edition, by name. */
export function readLeads(contentDir: string, edition: string): LeadFile[] {
  const dir = join(contentDir, edition, 'leads');
  return yamlFiles(dir)
    .map((f) => {
      const data = readYaml(join(dir, f));
      const name = String(data['name']);
      return { id: f.replace(/\.yaml$/, ''), name, aliases: [name, ...((data['aliases'] as string[] | undefined) ?? [])] };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** An edition's title and first year, as its edition.yaml gives them. */
export function readEdition(contentDir: string, edition: string): { title: string; startYear: number } {
  const data = readYaml(join(contentDir, edition, 'edition.yaml'));
  return { title: String(data['title']), startYear: Number(data['startYear']) };
}

const entry = (u: Record<string, unknown>): ProgressEntry => ({
  status: String(u['status']),
  asAt: isoDate(u['asAt']),
  note: String(u['note']),
  reportedBy: String(u['reportedBy']),
  ...(Array.isArray(u['corrections'])
    ? { corrections: (u['corrections'] as Record<string, unknown>[]).map((c): ProgressCorrection => ({ correctedOn: isoDate(c['correctedOn']), status: String(c['status']), note: String(c['note']), reportedBy: String(c['reportedBy']) })) }
    : {}),
});

/** Every action of an edition, in plan order, with its leads and the updates its file records. */
export function readActions(contentDir: string, edition: string): ActionFile[] {
  const editionData = readYaml(join(contentDir, edition, 'edition.yaml'));
  const leadNames = new Map(readLeads(contentDir, edition).map((l) => [l.id, l.name]));
  const themes = new Map(yamlFiles(join(contentDir, edition, 'themes')).map((f) => [f.replace(/\.yaml$/, ''), readYaml(join(contentDir, edition, 'themes', f))]));
  return yamlFiles(join(contentDir, edition, 'actions'))
    .map((f) => {
      const file = join(contentDir, edition, 'actions', f);
      const data = readYaml(file);
      const theme = themes.get(String(data['theme']));
      const progress = ((data['progress'] as Record<string, unknown>[] | null) ?? []).map(entry);
      return {
        file,
        edition,
        code: String(data['code']),
        statement: `${String(editionData['themeLabel'])} ${String(theme?.['number'] ?? '?')}: ${String(theme?.['text'] ?? '')}`,
        actions: data['actions'] as string[],
        leadText: String(data['leadText']),
        leads: ((data['leads'] as string[] | undefined) ?? []).map((id) => ({ id, name: leadNames.get(id) ?? id })),
        timescales: (data['timescales'] as string[] | undefined) ?? [],
        progress,
        themeNumber: Number(theme?.['number'] ?? 0),
        order: Number(data['order']),
      };
    })
    .sort((a, b) => a.themeNumber - b.themeNumber || a.order - b.order);
}
