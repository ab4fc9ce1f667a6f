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
