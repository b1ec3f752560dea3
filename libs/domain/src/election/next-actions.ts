import { RulePolicy } from '../policy/rule-policy';
import { requireCalendarDate } from '../shared/iso-date';
import { Language, RefusalCode, refusalMessage } from '../shared/refusals';
import { ElectionCommandType } from './election.commands';
import { ElectionState } from './election.state';
import { blockedBy, ELECTION_COMMAND_TYPES } from './election.transitions';

export type NextAction =
  | { readonly command: ElectionCommandType; readonly allowed: true }
  | {
      readonly command: ElectionCommandType;
      readonly allowed: false;
      readonly code: RefusalCode;
      readonly reason: string;
    };

/**
 * For every election command: allowed now, or blocked with the rule's code and a sentence why,
 * in `language`. It reads the same transition table the decider refuses through, so a command
 * shown as allowed can fail only on the data it carries (quorum, differential, eligibility),
 * never on the step.
 */
export function nextActions(
  state: ElectionState,
  policy: RulePolicy,
  at: string,
  language: Language = 'en',
): readonly NextAction[] {
  const on = requireCalendarDate(at, 'date');
  return ELECTION_COMMAND_TYPES.map((command): NextAction => {
    const blocked = blockedBy(command, state, policy, on);
    if (blocked === null) return { command, allowed: true };
    const reason = refusalMessage(blocked.code, blocked.details, language);
    return { command, allowed: false, code: blocked.code, reason };
  });
}
