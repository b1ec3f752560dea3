import {
  refuse,
  type ElectionStreamEvent,
  type ElectionStatus,
  type FiledDocument,
  type Motion,
  type Person,
  type Race,
} from '@app/domain';

/** One candidate's votes in a round, and whether the count elected them. */
export interface TallyLine {
  readonly name: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly elected: boolean;
}

/** One recorded and counted round of a contest at the assembly. */
export interface RoundRecord {
  readonly race: Race;
  readonly roundNo: number;
  readonly roundKind: 'regular' | 'runoff' | 'supplementary';
  readonly seats: number;
  readonly issued: number;
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  readonly tallies: readonly TallyLine[];
  readonly writeIns: readonly { readonly name: string; readonly votes: number; readonly elected: boolean }[];
}

/**
 * What an election's filed documents state, gathered from its events alone (the latest of each
 * step, as a lapsed approval is followed by a new request): the request from the census and the
 * request, the approval from the approval, the result report from the assembly, the rounds, the
 * officers and the report. Names of the branch and its superior are the caller's (as they stand).
 */
export interface ElectionFile {
  readonly electionId: string;
  readonly branchName: string;
  readonly superiorName: string;
  readonly status: ElectionStatus;
  readonly termNumber: number | null;
  readonly census: {
    readonly on: string;
    readonly fullMembers: number;
    readonly probationaryMembers: number;
    readonly suspendedMembers: number;
    readonly currentTerm: { readonly start: string; readonly end: string } | null;
  } | null;
  readonly request: {
    readonly on: string;
    readonly reference: string | null;
    readonly plannedDate: string;
    readonly committee: boolean;
    readonly committeeSeats: number;
    readonly deputySecretary: boolean;
    readonly electionMethod: string;
    readonly nominationMethod: string;
    readonly agenda: readonly string[];
    readonly minimumCommitteeCandidates: number;
  } | null;
  readonly approval: { readonly reference: string; readonly approvedOn: string; readonly lapsesOn: string } | null;
  readonly slateApproval: { readonly reference: string; readonly approvedOn: string } | null;
  readonly assembly: {
    readonly date: string;
    readonly due: number;
    readonly present: number;
    readonly scrutineers: readonly string[];
    readonly tellers: readonly string[];
    readonly races: readonly { readonly race: Race; readonly seats: number; readonly candidates: readonly string[] }[];
  } | null;
  readonly rounds: readonly RoundRecord[];
  readonly officers: {
    readonly on: string;
    readonly electedBy: 'membersAssembly' | 'committeeFirstMeeting';
    readonly secretary: { readonly name: string; readonly votes: Motion };
    readonly deputySecretary: { readonly name: string; readonly votes: Motion } | null;
    readonly duties: readonly { readonly name: string; readonly duty: string }[];
  } | null;
  readonly report: {
    readonly on: string;
    readonly reference: string;
    readonly committeeMembers: readonly { readonly name: string; readonly votes: number }[];
    readonly secretary: string;
    readonly deputySecretary: string | null;
  } | null;
  readonly resultApproval: {
    readonly reference: string;
    readonly approvedOn: string;
    readonly filingReference: string | null;
  } | null;
}

const day = (at: string): string => at.slice(0, 10);
const names = (people: readonly Person[]): string[] => people.map((person) => person.name);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The file of one election, folded from its events in stream order. */
export function electionFileOf(
  electionId: string,
  events: readonly ElectionStreamEvent[],
  where: { readonly branchName: string; readonly superiorName: string; readonly status: ElectionStatus },
): ElectionFile {
  const file: Mutable<ElectionFile> = {
    electionId,
    ...where,
    termNumber: null,
    census: null,
    request: null,
    approval: null,
    slateApproval: null,
    assembly: null,
    rounds: [],
    officers: null,
    report: null,
    resultApproval: null,
  };
  const rounds: Mutable<RoundRecord>[] = [];
  const people = new Map<string, string>();
  for (const event of events) {
    switch (event.type) {
      case 'CensusTaken': {
        const { data } = event;
        file.termNumber = data.termNumber;
        file.census = {
          on: day(data.at),
          fullMembers: data.fullMembers,
          probationaryMembers: data.probationaryMembers,
          suspendedMembers: data.suspendedMembers,
          currentTerm: data.currentTerm,
        };
        break;
      }
      case 'ElectionRequested': {
        const { data } = event;
        file.request = {
          on: day(data.at),
          reference: data.requestReference,
          plannedDate: data.plannedDate,
          committee: data.committee,
          committeeSeats: data.committeeSeats,
          deputySecretary: data.deputySecretary,
          electionMethod: data.electionMethod,
          nominationMethod: data.nominationMethod,
          agenda: data.agenda,
          minimumCommitteeCandidates: data.minimumCommitteeCandidates,
        };
        file.approval = null;
        break;
      }
      case 'ElectionRequestApproved':
        file.approval = {
          reference: event.data.approvalReference,
          approvedOn: event.data.approvedOn,
          lapsesOn: event.data.lapsesOn,
        };
        break;
      case 'CandidateSlateApproved':
        file.slateApproval = { reference: event.data.approvalReference, approvedOn: event.data.approvedOn };
        break;
      case 'MembersAssemblyConvened': {
        const { data } = event;
        for (const person of [...data.presentVoters, ...data.dueVoters]) people.set(person.personId, person.name);
        file.assembly = {
          date: day(data.at),
          due: data.quorum.due,
          present: data.quorum.present,
          scrutineers: names(data.scrutineers),
          tellers: names(data.tellers),
          races: data.races.map((race) => ({ race: race.race, seats: race.seats, candidates: names(race.candidates) })),
        };
        break;
      }
      case 'BallotsRecorded': {
        const { data } = event;
        rounds.push({
          race: data.race,
          roundNo: data.roundNo,
          roundKind: data.roundKind,
          seats: data.seats,
          issued: data.issued,
          returned: data.returned,
          valid: data.valid,
          invalid: data.invalid,
          tallies: data.tallies
            .map((tally) => ({ ...tally, elected: false }))
            .map(({ personId: _id, ...line }) => line),
          writeIns: data.writeIns.map((writeIn) => ({ name: writeIn.name, votes: writeIn.votes, elected: false })),
        });
        break;
      }
      case 'BallotsCounted': {
        const { data } = event;
        const round = rounds.find((r) => r.race === data.race && r.roundNo === data.roundNo);
        if (round === undefined) break;
        const elected = new Set(data.elected.map((person) => person.name));
        round.tallies = round.tallies.map((line) => ({ ...line, elected: elected.has(line.name) }));
        round.writeIns = round.writeIns.map((line) => ({ ...line, elected: elected.has(line.name) }));
        break;
      }
      case 'OfficersElected': {
        const { data } = event;
        file.officers = {
          on: day(data.at),
          electedBy: data.electedBy,
          secretary: { name: data.secretary.name, votes: data.secretary.votes },
          deputySecretary:
            data.deputySecretary === null
              ? null
              : { name: data.deputySecretary.name, votes: data.deputySecretary.votes },
          duties: Object.entries(data.duties).map(([personId, duty]) => ({
            name: people.get(personId) ?? personId,
            duty,
          })),
        };
        break;
      }
      case 'ElectionResultReported': {
        const { data } = event;
        file.report = {
          on: day(data.at),
          reference: data.reportReference,
          committeeMembers: data.committeeMembers.map((member) => ({ name: member.name, votes: member.votes })),
          secretary: data.secretary.name,
          deputySecretary: data.deputySecretary?.name ?? null,
        };
        break;
      }
      case 'ElectionResultApproved':
        file.resultApproval = {
          reference: event.data.approvalReference,
          approvedOn: event.data.approvedOn,
          filingReference: event.data.filingReference,
        };
        break;
      default:
        break;
    }
  }
  file.rounds = rounds;
  return file;
}

/**
 * Refuses a document whose step has not been recorded: the request before the request, the
 * approval before the approval, the result report before the report. A document states facts;
 * one written before them would state what has not happened.
 */
export function requireDocumentStep(file: ElectionFile, document: FiledDocument): void {
  const taken = { request: file.request, approval: file.approval, result: file.report }[document] !== null;
  if (!taken) throw refuse('DOCUMENT_STEP_NOT_TAKEN', { electionId: file.electionId, document, status: file.status });
}
