import { assertNever, Decider } from '../../shared/decider';
import { conflict, invalid, notFound, refuse } from '../../shared/domain-error';
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

/** What each act on a committee's own stream is called in a refusal. */
const ACTS: Readonly<Record<Exclude<PartyCommitteeCommand['type'], 'EstablishPartyCommittee'>, string>> = {
  RenamePartyCommittee: 'The renaming',
  DissolvePartyCommittee: 'The dissolution',
};

export const partyCommitteeDecider: Decider<PartyCommitteeCommand, PartyCommitteeEvent, PartyCommitteeState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'EstablishPartyCommittee') return establish(command, state);
    const active = requireActive(state, command.data.committeeId);
    requireEstablishedBy(
      `${ACTS[command.type]} of party committee ${active.name}`,
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
      throw notFound(
        'COMMITTEE_NOT_FOUND',
        `Party committee ${committeeId} has not been established; only an established committee can be changed.`,
        { committeeId },
      );
    case 'dissolved':
      throw refuse(
        'COMMITTEE_DISSOLVED',
        `Party committee ${state.name} was dissolved on ${state.dissolvedAt}; a dissolved committee accepts no further changes.`,
        {
          committeeId: state.committeeId,
        },
      );
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
    throw conflict(
      'COMMITTEE_ALREADY_EXISTS',
      `Party committee ${committeeId} already exists; a committee is established once under its id.`,
      { committeeId },
    );
  }
  const name = requireText(command.data.name, 'committee name', 'INVALID_NAME');
  if (kind === 'general_branch' && parentCommitteeId === undefined) {
    throw invalid(
      'PARENT_COMMITTEE_REQUIRED',
      `General branch ${name} names no parent committee; a 党总支 is always affiliated to the committee above it.`,
      { committeeId },
    );
  }
  if (parentCommitteeId !== undefined) {
    if (parentCommitteeId === committeeId) {
      throw invalid(
        'SOURCE_EQUALS_TARGET',
        `Party committee ${name} cannot be its own parent; affiliation always points to another organisation.`,
        { committeeId },
      );
    }
    requireParentActive(parentCommitteeId, context.parentCommitteeStatus ?? 'notFound');
    requireEstablishedBy(
      `The establishment of party committee ${name}`,
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
      throw notFound(
        'PARENT_COMMITTEE_NOT_FOUND',
        `Parent committee ${parentCommitteeId} does not exist; an organisation can only be affiliated to an established committee.`,
        {
          parentCommitteeId,
        },
      );
    case 'dissolved':
      throw refuse(
        'COMMITTEE_DISSOLVED',
        `Parent committee ${parentCommitteeId} has been dissolved; nothing can be affiliated to a dissolved committee.`,
        {
          parentCommitteeId,
        },
      );
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
    throw refuse(
      'COMMITTEE_HAS_ORGANISATIONS',
      `Party committee ${state.name} still has ${openBranches} open branches and ${activeChildCommittees} active subordinate committees; it can be dissolved only after each has been re-affiliated or dissolved, so none is left without an affiliation (RULES §4.2).`,
      { committeeId: state.committeeId, openBranches, activeChildCommittees },
    );
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
