/** Reading what `npm audit --json` printed: a report, an audit service that could not be reached, or npm failing. */

export type AuditOutcome =
  /** The service answered: how many packages it audited, and each high or critical finding. */
  | { kind: 'audited'; packages: number; findings: string[] }
  /** No answer from the audit service (an HTTP error from the registry, or no connection): nothing was checked. */
  | { kind: 'unreachable'; reason: string }
  /** npm could not run the audit (no lockfile, a broken tree): a fault of the project, not of the network. */
  | { kind: 'failed'; reason: string };

interface Advisory { title?: string; url?: string; severity?: string }
interface Report {
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string };
  vulnerabilities?: Record<string, { name: string; severity: string; via: (string | Advisory)[] }>;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number; total?: number } };
}

const SERIOUS = new Set(['high', 'critical']);
/** How npm words a request that got no answer (it gives no error code for these). */
const NO_CONNECTION = /request to \S+ failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up/;

export function readAudit(stdout: string): AuditOutcome {
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return { kind: 'failed', reason: `npm audit printed no JSON: ${stdout.slice(0, 200) || '(nothing)'}` };
  }
  if (report.metadata?.vulnerabilities && report.vulnerabilities) {
    const findings = Object.values(report.vulnerabilities)
      .filter((entry) => SERIOUS.has(entry.severity))
      .map((entry) => `${entry.name} (${entry.severity}): ${entry.via.map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title} ${via.url}`)).join('; ')}`);
    return { kind: 'audited', packages: report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total ?? 0, findings };
  }
  const message = report.message || report.error?.summary || report.error?.code || 'no report';
  if (typeof report.statusCode === 'number' || NO_CONNECTION.test(message)) return { kind: 'unreachable', reason: message };
  return { kind: 'failed', reason: `${report.error?.code ? `${report.error.code}: ` : ''}${message}` };
}
