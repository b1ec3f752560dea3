import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTION_TRANSITIONS } from '@app/domain';
import {
  DIAGRAM_FILE,
  electionEdges,
  electionStateDiagram,
  electionStateMachineDocument,
} from './state-machine-diagram';

describe('the election state-machine diagram', () => {
  it('is committed as generated from ELECTION_TRANSITIONS (regenerate: node -r @swc-node/register apps/cli/src/demo/write-election-diagram.ts)', () => {
    const committed = readFileSync(join(__dirname, '../../../..', DIAGRAM_FILE), 'utf8');
    expect(committed).toBe(electionStateMachineDocument());
  });

  it('draws every command of the table, from every status it runs in', () => {
    const diagram = electionStateDiagram();
    for (const [command, transition] of Object.entries(ELECTION_TRANSITIONS)) {
      expect(diagram).toContain(command);
      for (const from of transition.from) {
        expect(electionEdges().some((edge) => edge.from === from && edge.commands.includes(command))).toBe(true);
      }
    }
    expect(diagram).toMatch(/^\s+\[\*\] --> censusTaken: TakeCensus$/m);
    expect(diagram).toMatch(/^\s+installing --> installed: ConfirmInstallation$/m);
    // Vetting keeps the status: no jump from requestApproved to slateSubmitted but the slate's.
    expect(diagram).toMatch(/^\s+requestApproved --> slateSubmitted: SubmitCandidateSlate$/m);
  });
});
