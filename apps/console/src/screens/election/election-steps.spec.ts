import { describe, expect, it } from '@jest/globals';
import { COMMAND_LABELS, currentStepOf, STEPS, stepsOf, type ElectionState } from './election-steps';

describe('the election stepper', () => {
  it('puts every status on the step that waits on it', () => {
    expect(currentStepOf('censusTaken')).toBe('request');
    expect(currentStepOf('approvalLapsed')).toBe('request');
    expect(currentStepOf('requestApproved')).toBe('nomination');
    expect(currentStepOf('slateSubmitted')).toBe('slateApproval');
    expect(currentStepOf('assemblyOpen')).toBe('assembly');
    expect(currentStepOf('committeeElected')).toBe('officers');
    expect(currentStepOf('officersElected')).toBe('report');
    expect(currentStepOf('installing')).toBe('installation');
  });

  it('leaves out the first committee meeting where the branch has no committee', () => {
    const request = {
      plannedDate: '2023-05-20',
      committeeSeats: 0,
      deputySecretary: false,
      minimumCommitteeCandidates: 0,
      requestedOn: '2023-03-10',
    };
    const without = { status: 'requested', request: { ...request, committee: false } } as ElectionState;
    const withCommittee = { status: 'requested', request: { ...request, committee: true } } as ElectionState;
    expect(stepsOf(without).map((step) => step.key)).not.toContain('officers');
    expect(stepsOf(withCommittee)).toBe(STEPS);
  });

  it('names every command of the workflow in Chinese', () => {
    for (const label of Object.values(COMMAND_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff、]+$/);
  });
});
