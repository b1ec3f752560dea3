import { CommandMetadata } from '../../shared/decider';
import { deciderSpecification } from '../../shared/decider-specification';
import { DissolvePartyCommittee, EstablishPartyCommittee, RenamePartyCommittee } from './committee.commands';
import { partyCommitteeDecider } from './committee.decider';
import { PartyCommitteeDissolved, PartyCommitteeEstablished } from './committee.events';

const spec = deciderSpecification(partyCommitteeDecider);
const metadata: CommandMetadata = {
  at: '2023-03-01T09:00:00+08:00',
  actor: { id: 'u-1', name: '管理员', role: 'admin' },
};

const establish = (overrides: Partial<EstablishPartyCommittee['data']> = {}): EstablishPartyCommittee => ({
  type: 'EstablishPartyCommittee',
  data: {
    committeeId: 'c-lt',
    name: '孝义市离退休干部党委',
    kind: 'committee',
    context: { established: {} },
    ...overrides,
  },
  metadata,
});
const established: PartyCommitteeEstablished = {
  type: 'PartyCommitteeEstablished',
  data: {
    committeeId: 'c-lt',
    name: '孝义市离退休干部党委',
    kind: 'committee',
    parentCommitteeId: null,
    decisionReference: null,
    at: metadata.at,
  },
};
const rename = (name: string): RenamePartyCommittee => ({
  type: 'RenamePartyCommittee',
  data: { committeeId: 'c-lt', name },
  metadata,
});
const dissolve = (openBranches = 0, activeChildCommittees = 0): DissolvePartyCommittee => ({
  type: 'DissolvePartyCommittee',
  data: {
    committeeId: 'c-lt',
    reason: '机构调整',
    decisionReference: '孝组字〔2023〕1号',
    context: { openBranches, activeChildCommittees },
  },
  metadata,
});
const dissolved: PartyCommitteeDissolved = {
  type: 'PartyCommitteeDissolved',
  data: { committeeId: 'c-lt', reason: '机构调整', decisionReference: '孝组字〔2023〕1号', at: metadata.at },
};

describe('PartyCommittee decider', () => {
  describe('EstablishPartyCommittee', () => {
    it('establishes a top-level committee', () => {
      spec.given([]).when(establish()).then([established]);
    });

    it('establishes a general branch under an active committee', () => {
      spec
        .given([])
        .when(
          establish({
            committeeId: 'g-1',
            name: '府东党总支',
            kind: 'general_branch',
            parentCommitteeId: 'c-lt',
            context: { parentCommitteeStatus: 'active', established: {} },
          }),
        )
        .then([
          {
            type: 'PartyCommitteeEstablished',
            data: {
              committeeId: 'g-1',
              name: '府东党总支',
              kind: 'general_branch',
              parentCommitteeId: 'c-lt',
              decisionReference: null,
              at: metadata.at,
            },
          },
        ]);
    });

    it('refuses an id that already exists with COMMITTEE_ALREADY_EXISTS', () => {
      spec.given([established]).when(establish()).thenThrows('COMMITTEE_ALREADY_EXISTS');
    });

    it('refuses a blank name with INVALID_NAME', () => {
      spec
        .given([])
        .when(establish({ name: '  ' }))
        .thenThrows('INVALID_NAME');
    });

    it('refuses a general branch without a parent with PARENT_COMMITTEE_REQUIRED', () => {
      spec
        .given([])
        .when(establish({ kind: 'general_branch' }))
        .thenThrows('PARENT_COMMITTEE_REQUIRED');
    });

    it('refuses a committee that is its own parent with SOURCE_EQUALS_TARGET', () => {
      spec
        .given([])
        .when(establish({ parentCommitteeId: 'c-lt', context: { parentCommitteeStatus: 'active', established: {} } }))
        .thenThrows('SOURCE_EQUALS_TARGET');
    });

    it('refuses an unknown parent with PARENT_COMMITTEE_NOT_FOUND', () => {
      spec
        .given([])
        .when(establish({ parentCommitteeId: 'c-x', context: { established: {} } }))
        .thenThrows('PARENT_COMMITTEE_NOT_FOUND');
    });

    it('refuses a dissolved parent with COMMITTEE_DISSOLVED', () => {
      spec
        .given([])
        .when(establish({ parentCommitteeId: 'c-x', context: { parentCommitteeStatus: 'dissolved', established: {} } }))
        .thenThrows('COMMITTEE_DISSOLVED');
    });
  });

  describe('RenamePartyCommittee', () => {
    it('renames', () => {
      spec
        .given([established])
        .when(rename('孝义市委老干部局离退休干部党委'))
        .then([
          {
            type: 'PartyCommitteeRenamed',
            data: {
              committeeId: 'c-lt',
              previousName: '孝义市离退休干部党委',
              name: '孝义市委老干部局离退休干部党委',
              at: metadata.at,
            },
          },
        ]);
    });

    it('changes nothing when the name is unchanged', () => {
      spec.given([established]).when(rename('孝义市离退休干部党委')).thenNothingHappened();
    });

    it('refuses a blank name with INVALID_NAME', () => {
      spec.given([established]).when(rename('')).thenThrows('INVALID_NAME');
    });

    it('refuses an unknown committee with COMMITTEE_NOT_FOUND', () => {
      spec.given([]).when(rename('x')).thenThrows('COMMITTEE_NOT_FOUND');
    });
  });

  describe('DissolvePartyCommittee', () => {
    it('dissolves a committee with no organisations left', () => {
      spec.given([established]).when(dissolve()).then([dissolved]);
    });

    it('refuses while branches or subordinate committees remain with COMMITTEE_HAS_ORGANISATIONS, naming the counts', () => {
      const error = spec.given([established]).when(dissolve(22, 1)).thenThrows('COMMITTEE_HAS_ORGANISATIONS');
      expect(error.message).toContain('22 open branches');
      expect(error.details).toMatchObject({ openBranches: 22, activeChildCommittees: 1 });
    });

    it('refuses a blank reason with REASON_REQUIRED', () => {
      spec
        .given([established])
        .when({ ...dissolve(), data: { ...dissolve().data, reason: ' ' } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('acts dated before the committee existed', () => {
    const early: CommandMetadata = { ...metadata, at: '2023-02-28T23:00:00+08:00' };

    it('refuses a rename or a dissolution dated before the establishment with DATED_BEFORE_ESTABLISHMENT', () => {
      const error = spec
        .given([established])
        .when({ ...rename('新名'), metadata: early })
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      expect(error.message).toContain(
        'The renaming of party committee 孝义市离退休干部党委 is dated 2023-02-28, before party committee 孝义市离退休干部党委 was established on 2023-03-01',
      );
      spec
        .given([established])
        .when({ ...dissolve(), metadata: early })
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
    });

    it('refuses a general branch established before its parent committee', () => {
      const parent = { kind: 'committee', id: 'c-lt', name: '孝义市离退休干部党委', on: '2023-03-02' } as const;
      spec
        .given([])
        .when(
          establish({
            committeeId: 'g-1',
            name: '府东党总支',
            kind: 'general_branch',
            parentCommitteeId: 'c-lt',
            context: { parentCommitteeStatus: 'active', established: { 'c-lt': parent } },
          }),
        )
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
    });
  });

  it('refuses every command once dissolved with COMMITTEE_DISSOLVED', () => {
    spec.given([established, dissolved]).when(rename('新名')).thenThrows('COMMITTEE_DISSOLVED');
    spec.given([established, dissolved]).when(dissolve()).thenThrows('COMMITTEE_DISSOLVED');
    spec.given([established, dissolved]).when(establish()).thenThrows('COMMITTEE_DISSOLVED');
  });
});
