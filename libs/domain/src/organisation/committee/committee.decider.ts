import { assertNever, Decider } from '../../shared/decider';
import { refuse } from '../../shared/domain-error';
import { requireText } from '../../shared/iso-date';
import { establishmentOf, requireEstablishedBy } from '../establishment';
import {
  DissolvePartyCommittee,
  EstablishPartyCommittee,
  PartyCommitteeCommand,
  RenamePartyCommittee,
} from './committee.commands';
import { PartyCommitteeEvent } from './committee.events';
import { PartyCommitteeState } from './committee.state';

export const partyCommitteeStreamName = (committeeId: string): string => `committee-${committeeId}`;

type Active = Extract<PartyCommitteeState, { status: 'active' }>;

export const partyCommitteeDecider: Decider<PartyCommitteeCommand, PartyCommitteeEvent, PartyCommitteeState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'EstablishPartyCommittee') return establish(command, state);
    const active = requireActive(state, command.data.committeeId);
    requireEstablishedBy(
      { kind: 'committee', command: command.type, committee: active.name },
      command.metadata.at,
      establishmentOf('committee', active, active.committeeId),
    );
    switch (command.type) {
      case 'RenamePartyCommittee':
        return rename(command, active);
      case 'DissolvePartyCommittee':
        return dissolve(command, active);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PartyCommitteeEstablished':
        return {
          status: 'active',
          committeeId: event.data.committeeId,
          name: event.data.name,
          kind: event.data.kind,
          parentCommitteeId: event.data.parentCommitteeId,
          establishedAt: event.data.at,
        };
      case 'PartyCommitteeRenamed':
        return state.status === 'active' ? { ...state, name: event.data.name } : state;
      case 'PartyCommitteeDissolved':
        return state.status === 'active'
          ? {
              status: 'dissolved',
              committeeId: state.committeeId,
              name: state.name,
              kind: state.kind,
              parentCommitteeId: state.parentCommitteeId,
              establishedAt: state.establishedAt,
              dissolvedAt: event.data.at,
            }
          : state;
      default:
        return assertNever(event);
    }
  },
};

function requireActive(state: PartyCommitteeState, committeeId: string): Active {
  switch (state.status) {
    case 'none':
      throw refuse('COMMITTEE_NOT_FOUND', { committeeId });
    case 'dissolved':
      throw refuse('COMMITTEE_DISSOLVED', {
        committeeId: state.committeeId,
        name: state.name,
        dissolvedAt: state.dissolvedAt,
      });
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
}

function establish(command: EstablishPartyCommittee, state: PartyCommitteeState): readonly PartyCommitteeEvent[] {
  const { committeeId, kind, parentCommitteeId, context } = command.data;
  if (state.status === 'dissolved') requireActive(state, committeeId);
  if (state.status !== 'none') {
    throw refuse('COMMITTEE_ALREADY_EXISTS', { committeeId });
  }
  const name = requireText(command.data.name, 'committee name', 'INVALID_NAME');
  if (kind === 'general_branch' && parentCommitteeId === undefined) {
    throw refuse('PARENT_COMMITTEE_REQUIRED', { committeeId, name });
  }
  if (parentCommitteeId !== undefined) {
    if (parentCommitteeId === committeeId) {
      throw refuse('SOURCE_EQUALS_TARGET', { committeeId, name });
    }
    requireParentActive(parentCommitteeId, context.parentCommitteeStatus ?? 'notFound');
    requireEstablishedBy(
      { kind: 'committee', command: 'EstablishPartyCommittee', committee: name },
      command.metadata.at,
      context.established[parentCommitteeId],
    );
  }
  return [
    {
      type: 'PartyCommitteeEstablished',
      data: {
        committeeId,
        name,
        kind,
        parentCommitteeId: parentCommitteeId ?? null,
        decisionReference: command.data.decisionReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

export function requireParentActive(parentCommitteeId: string, status: 'notFound' | 'active' | 'dissolved'): void {
  switch (status) {
    case 'notFound':
      throw refuse('PARENT_COMMITTEE_NOT_FOUND', { parentCommitteeId });
    case 'dissolved':
      throw refuse('COMMITTEE_DISSOLVED', { parentCommitteeId });
    case 'active':
      return;
    default:
      assertNever(status);
  }
}

function rename(command: RenamePartyCommittee, state: Active): readonly PartyCommitteeEvent[] {
  const name = requireText(command.data.name, 'committee name', 'INVALID_NAME');
  if (name === state.name) return [];
  return [
    {
      type: 'PartyCommitteeRenamed',
      data: { committeeId: state.committeeId, previousName: state.name, name, at: command.metadata.at },
    },
  ];
}

function dissolve(command: DissolvePartyCommittee, state: Active): readonly PartyCommitteeEvent[] {
  const { openBranches, activeChildCommittees } = command.data.context;
  const reason = requireText(command.data.reason, 'reason for dissolution', 'REASON_REQUIRED');
  if (openBranches > 0 || activeChildCommittees > 0) {
    throw refuse('COMMITTEE_HAS_ORGANISATIONS', {
      committeeId: state.committeeId,
      name: state.name,
      openBranches,
      activeChildCommittees,
    });
  }
  return [
    {
      type: 'PartyCommitteeDissolved',
      data: {
        committeeId: state.committeeId,
        reason,
        decisionReference: command.data.decisionReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}
