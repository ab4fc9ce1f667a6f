/**
 * Leads are written in many ways in the seeds ("Principal Manager, CICCL.", "Principal Manager,
 * CiCCL", "Principal Managers, CiCCL & Fostering"). Each lead entry lists its spellings as
 * aliases; these helpers find which leads a lead cell names, so content tests can prove that an
 * action's `leads` match its printed lead text.
 */

/** Case, spacing, apostrophes and trailing punctuation do not change who a lead is. */
export function normaliseLeadText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[.;,\s]+$/, '')
    .trim();
}

export interface LeadAliases {
  id: string;
  aliases: readonly string[];
}

/**
 * Ids of the leads a lead cell names, sorted. Longer aliases are matched first and their words
 * consumed, so "Children in Care Health Team" does not also count as "Health Team".
 */
export function leadsNamedIn(leadText: string, leads: readonly LeadAliases[]): string[] {
  let cell = normaliseLeadText(leadText);
  const candidates = leads
    .flatMap((lead) => lead.aliases.map((alias) => ({ id: lead.id, alias: normaliseLeadText(alias) })))
    .filter((candidate) => candidate.alias.length > 0)
    .sort((a, b) => b.alias.length - a.alias.length);
  const found = new Set<string>();
  for (const { id, alias } of candidates) {
    let at = indexOfWords(cell, alias);
    // An alias shared by two leads ("Principal Managers, Fostering & CiCCL") names both: only
    // consume the words once every lead with that alias has been credited.
    const sharedBy = candidates.filter((c) => c.alias === alias).map((c) => c.id);
    while (at >= 0) {
      found.add(id);
      if (sharedBy.every((other) => found.has(other))) {
        cell = cell.slice(0, at) + ' '.repeat(alias.length) + cell.slice(at + alias.length);
      }
      at = indexOfWords(cell, alias, at + 1);
    }
  }
  return [...found].sort();
}

/** Whole-word search: "team" must not match inside "teams". */
function indexOfWords(haystack: string, needle: string, from = 0): number {
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
    if (!isWordChar(before) && !isWordChar(after)) return at;
  }
  return -1;
}

/** A stretch of a printed lead cell: the words as printed, and the leads they name (none for "and", commas and the like). */
export interface LeadSegment {
  text: string;
  leadIds: string[];
}

/**
 * The printed lead cell cut into the stretches that name leads, in order, with the words exactly
 * as printed, so a page can make the printed words themselves the links to the lead pages
 * instead of printing the lead twice. Joined back together the segments are the cell.
 * Longest aliases win, as in `leadsNamedIn`; an alias shared by several leads names them all.
 */
export function leadSegments(leadText: string, leads: readonly LeadAliases[]): LeadSegment[] {
  const aliasLeads = new Map<string, string[]>();
  for (const lead of leads) {
    for (const alias of lead.aliases) {
      const key = normaliseLeadText(alias);
      if (!key) continue;
      const ids = aliasLeads.get(key) ?? [];
      if (!ids.includes(lead.id)) ids.push(lead.id);
      aliasLeads.set(key, ids);
    }
  }
  const aliases = [...aliasLeads.keys()].sort((a, b) => b.length - a.length);
  // Where each alias could match in the printed text, with case, apostrophes and spacing loose
  // as in normaliseLeadText. Claimed stretches are taken by longer aliases first.
  const claimed: { start: number; end: number; leadIds: string[] }[] = [];
  for (const alias of aliases) {
    const pattern = new RegExp(
      `(?<![A-Za-z0-9])${alias
        .split(' ')
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘]"))
        .join('\\s+')}(?![A-Za-z0-9])`,
      'giu',
    );
    for (const match of leadText.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (claimed.some((c) => start < c.end && end > c.start)) continue;
      claimed.push({ start, end, leadIds: [...(aliasLeads.get(alias) ?? [])].sort() });
    }
  }
  claimed.sort((a, b) => a.start - b.start);
  const segments: LeadSegment[] = [];
  let at = 0;
  for (const c of claimed) {
    if (c.start > at) segments.push({ text: leadText.slice(at, c.start), leadIds: [] });
    segments.push({ text: leadText.slice(c.start, c.end), leadIds: c.leadIds });
    at = c.end;
  }
  if (at < leadText.length) segments.push({ text: leadText.slice(at), leadIds: [] });
  return segments;
}
