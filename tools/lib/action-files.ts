/**
 * The action files of the content as `npm run progress` needs them, read through the one content
 * reader (src/lib/contentReader.ts), so a file the build would refuse is refused here too.
 */
import { editionSlugs, readEditionCollection, readEditionFile } from '../../src/lib/contentReader.ts';
import { progressAsWritten } from '../../src/lib/progress.ts';
import type { ReturnAction } from './progress-returns.ts';

export { editionSlugs };

/** An action as the return templates show it, with the file that records its updates. */
export interface ActionFile extends ReturnAction {
  file: string;
  themeNumber: number;
  order: number;
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
  return readEditionCollection(contentDir, edition, 'leads')
    .map(({ id, data }) => ({ id, name: data.name, aliases: [data.name, ...data.aliases] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** An edition's title and first year, as its edition.yaml gives them. */
export function readEdition(contentDir: string, edition: string): { title: string; startYear: number } {
  const { title, startYear } = readEditionFile(contentDir, edition);
  return { title, startYear };
}

/** Every action of an edition, in plan order, with its leads and the updates its file records. */
export function readActions(contentDir: string, edition: string): ActionFile[] {
  const { themeLabel } = readEditionFile(contentDir, edition);
  const leadNames = new Map(readLeads(contentDir, edition).map((l) => [l.id, l.name]));
  const themes = new Map(readEditionCollection(contentDir, edition, 'themes').map(({ id, data }) => [id, data]));
  return readEditionCollection(contentDir, edition, 'actions')
    .map(({ filePath, data }) => {
      const theme = themes.get(data.theme);
      return {
        file: filePath,
        edition,
        code: data.code,
        statement: `${themeLabel} ${theme?.number ?? '?'}: ${theme?.text ?? ''}`,
        actions: data.actions,
        leadText: data.leadText,
        leads: data.leads.map((lead) => ({ id: lead, name: leadNames.get(lead) ?? lead })),
        timescales: data.timescales,
        progress: progressAsWritten(data.progress),
        themeNumber: theme?.number ?? 0,
        order: data.order,
      };
    })
    .sort((a, b) => a.themeNumber - b.themeNumber || a.order - b.order);
}
