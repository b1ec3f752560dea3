import { censusPhase, campaignPhase, electionsPhase, postsPhase, closingPhase } from './election-phases';
import { organisationPhase, restructuringPhase } from './organisation-phases';
import { demonstrationPhase, volunteerPhase } from './service-phases';
import { PhaseProgress } from './progress';
import type { Phase, PhaseOutcome, ScriptContext } from './script-support';

/**
 * The Xiaoyi year as a script of HTTP requests, phase by phase, in the order things happened:
 * the organisation registered in January, the census (摸排), the campaign (plan, working groups,
 * 包联), the merges and the redraw in March, every branch's election in April–June, the
 * cross-appointed vice-secretaries and party-affairs officers in July, the volunteer teams and
 * their activities (July–December), the demonstration branches (July–November), and rights
 * restored in the autumn.
 */
export const PHASES: readonly Phase[] = [
  organisationPhase,
  censusPhase,
  campaignPhase,
  restructuringPhase,
  electionsPhase,
  postsPhase,
  volunteerPhase,
  demonstrationPhase,
  closingPhase,
];

/** Runs every phase in order; a phase whose operations the API lacks is skipped and reported. */
export async function runScript(context: ScriptContext): Promise<PhaseOutcome[]> {
  const outcomes: PhaseOutcome[] = [];
  for (const phase of PHASES) {
    const missing = phase.needs.filter((operation) => !context.operations.has(operation));
    if (missing.length > 0) {
      const skipped = `skipped: the API has no ${missing.join(', ')}`;
      context.sink.write(`${phase.name.padEnd(14)} ${skipped}\n`);
      outcomes.push({ phase: phase.name, skipped });
      continue;
    }
    const progress = new PhaseProgress(context.sink, phase.name, phase.estimate(context.year));
    const summary = await phase.run(context, progress);
    outcomes.push(progress.finish(summary));
  }
  return outcomes;
}
