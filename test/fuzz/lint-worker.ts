/**
 * A worker thread that lints texts sent to it, so a test can stop an analysis that runs too long
 * (synchronous code cannot be interrupted from its own thread). Built into a bundle by isolated.ts.
 */
import { parentPort } from 'node:worker_threads';
import { compileCustomTerms } from '../../server/src/core/custom-terms';
import type { CustomTerm } from '../../server/src/core/custom-terms';
import type { LintOptions } from '../../server/src/core/linter';
import { createLinter } from '../../server/src/core/linter';
import { loadRules } from '../../server/src/rules-loader';

export interface LintRequest {
  id: number;
  text: string;
  options: Omit<LintOptions, 'customTerms'>;
  customTerms?: CustomTerm[];
  rulesDir: string;
}

export interface LintReply {
  id: number;
  ok: boolean;
  error?: string;
  cpuMs: number;
  wallMs: number;
  problems: string[];
  ruleIds: string[];
  /** Findings per rule id. */
  counts: Record<string, number>;
}

let linter: ReturnType<typeof createLinter> | undefined;

function countBy(ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = (out[id] ?? 0) + 1;
  return out;
}

parentPort!.on('message', (req: LintRequest) => {
  const loaded = linter ? undefined : loadRules(req.rulesDir);
  linter ??= createLinter(loaded!.definitions, { data: loaded!.data });
  const customTerms = req.customTerms ? compileCustomTerms(req.customTerms) : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const result = linter.lint(req.text, { ...req.options, customTerms });
    const used = process.cpuUsage(cpu);
    const problems: string[] = [];
    for (const f of result.findings) {
      if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= req.text.length)) problems.push(`${f.ruleId}: span ${f.span.start}-${f.span.end} outside 0-${req.text.length}`);
      if (f.ruleId === 'rule-failed') problems.push(`a rule failed: ${f.message}`);
    }
    const reply: LintReply = { id: req.id, ok: true, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started, problems, ruleIds: [...new Set(result.findings.map((f) => f.ruleId))], counts: countBy(result.findings.map((f) => f.ruleId)) };
    parentPort!.postMessage(reply);
  } catch (e) {
    const used = process.cpuUsage(cpu);
    parentPort!.postMessage({ id: req.id, ok: false, error: (e as Error).stack ?? String(e), cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started, problems: [], ruleIds: [], counts: {} } satisfies LintReply);
  }
});
