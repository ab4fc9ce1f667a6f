/**
 * Cross-collection checks that zod cannot make on one file alone. Each problem names the file
 * and the field, so a bad edit fails the build with a message an editor can act on.
 */

export interface Entry<T> {
  id: string;
  filePath?: string | undefined;
  data: T;
}

export interface ContentSet {
  editions: Entry<{ edition: string }>[];
  chapters: Entry<{ edition: string }>[];
  themes: Entry<{ edition: string; code: string; number: number; slug: string }>[];
  actions: Entry<{ edition: string; code: string; theme: string; leads: string[]; splitFrom?: string | undefined }>[];
  leads: Entry<{ edition: string }>[];
  promises: Entry<{ edition: string }>[];
  principles: Entry<{ edition: string }>[];
  quotes: Entry<{ edition: string; chapter: string }>[];
  figures: Entry<{ edition: string }>[];
}

/** `2017-20/p4-a2` → `p4-a2`: the part of an id that a reference in the same edition uses. */
export function localId(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

export function findContentProblems(content: ContentSet): string[] {
  const problems: string[] = [];
  const where = (entry: Entry<unknown>) => entry.filePath ?? entry.id;
  const editionSlugs = new Set(content.editions.map((e) => e.id));
  const idsIn = (entries: Entry<{ edition: string }>[]) => new Set(entries.map((e) => e.id));
  const themeIds = idsIn(content.themes);
  const leadIds = idsIn(content.leads);
  const chapterIds = idsIn(content.chapters);

  for (const [name, entries] of Object.entries(content)) {
    for (const entry of entries as Entry<{ edition: string }>[]) {
      const folder = name === 'editions' ? entry.id : entry.id.split('/')[0];
      if (entry.data.edition !== folder) {
        problems.push(`${where(entry)}: field "edition" is "${entry.data.edition}" but the file is in the folder of edition "${folder}"`);
      } else if (!editionSlugs.has(entry.data.edition)) {
        problems.push(`${where(entry)}: field "edition": edition "${entry.data.edition}" has no edition.yaml`);
      }
    }
  }

  const usedLeads = new Set<string>();
  const codes = new Map<string, string>();
  for (const action of content.actions) {
    const { edition, code, theme, leads, splitFrom } = action.data;
    const themeId = `${edition}/${theme}`;
    const themeEntry = content.themes.find((t) => t.id === themeId);
    if (!themeIds.has(themeId) || !themeEntry) {
      problems.push(`${where(action)}: field "theme": there is no theme "${theme}" in edition ${edition}`);
    } else if (!code.startsWith(`${themeEntry.data.code}-`)) {
      problems.push(`${where(action)}: field "code": "${code}" should start with its theme's code "${themeEntry.data.code}-"`);
    }
    if (localId(action.id) !== code.toLowerCase()) {
      problems.push(`${where(action)}: field "code": "${code}" must match the file name (${code.toLowerCase()}.yaml), because the id is the public anchor`);
    }
    const clash = codes.get(`${edition}/${code}`);
    if (clash) problems.push(`${where(action)}: field "code": "${code}" is also used by ${clash}`);
    codes.set(`${edition}/${code}`, where(action));
    for (const lead of leads) {
      const leadId = `${edition}/${lead}`;
      usedLeads.add(leadId);
      if (!leadIds.has(leadId)) problems.push(`${where(action)}: field "leads": there is no lead "${lead}" in edition ${edition}`);
    }
    if (splitFrom && !content.actions.some((other) => other.data.edition === edition && other.data.code === splitFrom)) {
      problems.push(`${where(action)}: field "splitFrom": there is no action "${splitFrom}" in edition ${edition}`);
    }
  }
  for (const lead of content.leads) {
    if (!usedLeads.has(lead.id)) problems.push(`${where(lead)}: no action names this lead in its field "leads"`);
  }
  for (const quote of content.quotes) {
    if (!chapterIds.has(`${quote.data.edition}/${quote.data.chapter}`)) {
      problems.push(`${where(quote)}: field "chapter": there is no chapter "${quote.data.chapter}" in edition ${quote.data.edition}`);
    }
  }
  const themeNumbers = new Map<string, string>();
  for (const theme of content.themes) {
    const key = `${theme.data.edition}/${theme.data.number}`;
    const clash = themeNumbers.get(key);
    if (clash) problems.push(`${where(theme)}: field "number": ${theme.data.number} is also used by ${clash}`);
    themeNumbers.set(key, where(theme));
  }
  return problems;
}
