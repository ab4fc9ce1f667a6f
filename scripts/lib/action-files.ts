/** The action files of the content, read as an editor writes them, for `npm run progress`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseReportDate } from '../../src/lib/progress.ts';
import type { ProgressEntry, ReturnAction } from '../../src/lib/progressReturns.ts';

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

/** Every action of an edition, in plan order, with the updates its file records. */
export function readActions(contentDir: string, edition: string): ActionFile[] {
  const editionData = readYaml(join(contentDir, edition, 'edition.yaml'));
  const themes = new Map(yamlFiles(join(contentDir, edition, 'themes')).map((f) => [f.replace(/\.yaml$/, ''), readYaml(join(contentDir, edition, 'themes', f))]));
  return yamlFiles(join(contentDir, edition, 'actions'))
    .map((f) => {
      const file = join(contentDir, edition, 'actions', f);
      const data = readYaml(file);
      const theme = themes.get(String(data['theme']));
      const progress = ((data['progress'] as Record<string, unknown>[] | null) ?? []).map(
        (u): ProgressEntry => ({ status: String(u['status']), asAt: isoDate(u['asAt']), note: String(u['note']), reportedBy: String(u['reportedBy']) }),
      );
      return {
        file,
        edition,
        code: String(data['code']),
        statement: `${String(editionData['themeLabel'])} ${String(theme?.['number'] ?? '?')}: ${String(theme?.['text'] ?? '')}`,
        actions: data['actions'] as string[],
        leadText: String(data['leadText']),
        timescales: (data['timescales'] as string[] | undefined) ?? [],
        progress,
        themeNumber: Number(theme?.['number'] ?? 0),
        order: Number(data['order']),
      };
    })
    .sort((a, b) => a.themeNumber - b.themeNumber || a.order - b.order);
}
