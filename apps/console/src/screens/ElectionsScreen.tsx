import dayjs from 'dayjs';
import { pathOf, queryOf, useRoute } from '../app/router';
import { today } from '../format/dates';
import { AssemblyScreen } from './election/AssemblyScreen';
import { ElectionList } from './election/ElectionList';
import { ElectionStepper } from './election/ElectionStepper';
import { isStepKey } from './election/election-steps';
import './election/election.css';

/**
 * 换届: the elections (`/elections`), one election as a stepper (`/elections/{id}`, the step
 * shown in `step`) and its members' assembly (`/elections/{id}/assembly`). `asOf` in the address
 * is the day next actions are judged on and forms' dates default to (today when absent), so a
 * clerk recording an assembly held last week sets it once.
 */
export default function ElectionsScreen() {
  const route = useRoute();
  // Read here rather than with the shell's subPathOf: the shell's table loads this screen.
  const [, electionId, section] = pathOf(route)
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const query = queryOf(route);
  const asOf = validDate(query.get('asOf')) ?? today();
  const step = query.get('step');
  if (!electionId) return <ElectionList asOf={asOf} />;
  if (section === 'assembly') return <AssemblyScreen key={electionId} electionId={electionId} asOf={asOf} />;
  return <ElectionStepper key={electionId} electionId={electionId} asOf={asOf} step={isStepKey(step) ? step : null} />;
}

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
}
