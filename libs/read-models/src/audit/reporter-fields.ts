import type { DepartureReason, PersonalData } from '@app/domain';
import type { DescribedEvent } from './event-descriptions';

/**
 * What a reporting job may see of each event's data: an allow-list per event type, field by
 * field. `true` shows a field as recorded, `false` withholds it, a function shows a coarser value
 * in its place (a departure reason without the disciplinary one), an object decides field by
 * field inside an object (and for each element of a list of objects). The mapped types below
 * make every event type and every field of its data a compile error until it has a decision, and
 * at run time a field or a type with no decision is withheld: a new field is hidden until someone
 * decides it is safe. The reporter views of the API's own answers (a member, an election, a roll
 * row) are built by the same rules through `reporterShape`.
 *
 * Withheld from reporters (docs/PERSONAL-DATA.md): birth dates, the reasons, periods and
 * documents of voting-right suspensions, vetting notes and community opinions about nominees,
 * exclusion reasons (illness, a sentence), and free-text notes and reasons that speak of people
 * (census remarks, departure and post notes, correction reasons, why an election moved or was
 * cancelled). Their reports need none of these: ages come as bands in /reports/members and as
 * figures in /reports/statistics.
 */
export type ReporterFieldCatalogue = {
  readonly [E in DescribedEvent as E['type']]: ReporterEntry<E['data']>;
};

export interface ReporterEntry<Data> {
  readonly fields: FieldShape<Data>;
  /**
   * `visibleFields`: the line recorded for auditors names a withheld field, so reporters get the
   * line written again from the fields they see. Without it, reporters get the recorded line.
   */
  readonly summary?: 'visibleFields';
}

type Leaf = string | number | boolean | null | undefined;
/** Shows a reporter a coarser value in place of the recorded one (never called with null). */
export type Recode<T> = (value: T) => Leaf;
type Keys<T> = T extends unknown ? keyof T : never;
type At<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** A decision for one field of type T. */
export type FieldRule<T> = [NonNullable<T>] extends [Leaf]
  ? boolean | Recode<NonNullable<T>>
  : NonNullable<T> extends readonly (infer Element)[]
    ? FieldRule<Element>
    : string extends Keys<NonNullable<T>>
      ? boolean // a record keyed by data (e.g. member id → duty): shown or withheld as a whole
      : false | FieldShape<NonNullable<T>>;

/** A decision for every field an object of type T can have (every variant's, for a union). */
export type FieldShape<T> = { readonly [K in Keys<T>]: FieldRule<At<T, K>> };

const PERSON = { personId: true, name: true } as const;
const POST = {
  postId: true,
  kind: true,
  duty: true,
  source: true,
  documentReference: true,
  holder: PERSON,
  startDate: true,
} as const;
const MOTION = { for: true, against: true, abstain: true } as const;
const OFFICER = { ...PERSON, votes: MOTION } as const;
const ELECTED = { ...PERSON, votes: true, roundNo: true } as const;
const ELECTION = { electionId: true, policyVersion: true, at: true } as const;
const NEW_BRANCH = { branchId: true, name: true, parentCommitteeId: true } as const;
const SHIFT = {
  ...ELECTION,
  fromDate: true,
  newDate: true,
  shiftDays: true,
  reason: false,
  approvalReference: true,
  shiftLimitOverridden: true,
} as const;
const INSTALLED_POST = { postId: true, kind: true, duty: true, holder: PERSON } as const;
/** A person's own data as reporters see it: everything but the birth date (ages come as bands). */
export const REPORTER_PERSONAL: FieldShape<PersonalData> = {
  name: true,
  birthDate: false,
  sex: true,
  joinedPartyOn: true,
  formerPostLevel: true,
};
const PERSONAL = REPORTER_PERSONAL;

/**
 * Why a member left, as reporters see it: `death`, or `other` for moving out of the system and
 * for expulsion alike. Expulsion (开除党籍) is a disciplinary sanction, as 留党察看 is, and
 * suspension reasons are withheld; a value shown for expulsions alone would name it under
 * another word, so `other` also holds the departures that say nothing about a person. A reason
 * added to the domain is a compile error here until it has a decision; an unknown recorded value
 * is shown as `other`.
 */
export type ReporterDepartureReason = 'death' | 'other';
const REPORTER_DEPARTURE_REASONS: Readonly<Record<DepartureReason, ReporterDepartureReason>> = {
  death: 'death',
  movedOut: 'other',
  expelled: 'other',
};
export const reporterDepartureReason = (reason: string): ReporterDepartureReason =>
  Object.prototype.hasOwnProperty.call(REPORTER_DEPARTURE_REASONS, reason)
    ? REPORTER_DEPARTURE_REASONS[reason as DepartureReason]
    : 'other';

export const REPORTER_FIELDS: ReporterFieldCatalogue = {
  PartyCommitteeEstablished: {
    fields: { committeeId: true, name: true, kind: true, parentCommitteeId: true, decisionReference: true, at: true },
  },
  PartyCommitteeRenamed: { fields: { committeeId: true, previousName: true, name: true, at: true } },
  PartyCommitteeDissolved: { fields: { committeeId: true, reason: true, decisionReference: true, at: true } },

  BranchEstablished: {
    fields: {
      branchId: true,
      name: true,
      parentCommitteeId: true,
      managementLinks: { linkId: true, kind: true, name: true },
      joint: true,
      jointUnits: true,
      decisionReference: true,
      restructuringId: true,
      policyVersion: true,
      at: true,
    },
  },
  BranchRenamed: { fields: { branchId: true, previousName: true, name: true, at: true } },
  BranchReaffiliated: {
    fields: { branchId: true, fromCommitteeId: true, toCommitteeId: true, decisionReference: true, at: true },
  },
  ManagementLinkAdded: { fields: { branchId: true, link: { linkId: true, kind: true, name: true }, at: true } },
  ManagementLinkRemoved: { fields: { branchId: true, link: { linkId: true, kind: true, name: true }, at: true } },
  PostAssigned: { fields: { branchId: true, post: POST, vacancyPostId: true, at: true } },
  OfficerAppointed: { fields: { branchId: true, post: POST, vacancyPostId: true, at: true } },
  ViceSecretaryCrossAppointed: { fields: { branchId: true, post: POST, vacancyPostId: true, at: true } },
  PartyAffairsOfficerAssigned: { fields: { branchId: true, post: POST, vacancyPostId: true, at: true } },
  PostVacated: {
    fields: {
      branchId: true,
      postId: true,
      kind: true,
      holder: PERSON,
      reason: true,
      note: false,
      endDate: true,
      at: true,
    },
  },
  BranchShapeAssessed: {
    fields: {
      branchId: true,
      counts: { full: true, probationary: true },
      hasCommittee: true,
      shape: {
        belowMinimum: true,
        committeeRequired: true,
        electionRequired: true,
        overSize: true,
        policyVersion: true,
      },
      at: true,
    },
  },
  BranchDissolved: {
    fields: { branchId: true, reason: true, decisionReference: true, restructuringId: true, at: true },
  },

  MemberAdmitted: { fields: { ...PERSONAL, memberId: true, membership: true, branchId: true, at: true } },
  MemberConfirmed: { fields: { memberId: true, branchId: true, confirmedOn: true, at: true } },
  VotingRightsSuspended: {
    // The planned end and the document point to the reason (留党察看 has a fixed period): withheld too.
    fields: { memberId: true, reason: false, from: true, until: false, documentReference: false, at: true },
    summary: 'visibleFields',
  },
  VotingRightsRestored: {
    fields: { memberId: true, reason: false, restoredOn: true, documentReference: false, at: true },
  },
  MemberTransferred: {
    fields: {
      memberId: true,
      fromBranchId: true,
      toBranchId: true,
      restructuringId: true,
      documentReference: true,
      at: true,
    },
  },
  MemberLeft: {
    fields: { memberId: true, branchId: true, reason: reporterDepartureReason, leftOn: true, note: false, at: true },
    summary: 'visibleFields',
  },
  MemberDataCorrected: {
    fields: { memberId: true, previous: PERSONAL, corrections: PERSONAL, reason: false, at: true },
    summary: 'visibleFields',
  },

  RestructuringProposed: {
    fields: {
      restructuringId: true,
      plan: {
        kind: true,
        sourceBranchIds: true,
        target: { kind: true, branchId: true, branch: NEW_BRANCH },
        assignments: { memberId: true, toBranchId: true },
        newBranches: NEW_BRANCH,
        branchId: true,
        destinationBranchId: true,
      },
      reason: true,
      at: true,
    },
  },
  RestructuringApproved: {
    fields: { restructuringId: true, approvedBy: true, documentReference: true, approvedOn: true, at: true },
  },
  RestructuringAbandoned: { fields: { restructuringId: true, reason: true, at: true } },
  RestructuringExecutionStarted: {
    fields: {
      restructuringId: true,
      execution: {
        branchesToEstablish: NEW_BRANCH,
        transfers: { memberId: true, fromBranchId: true, toBranchId: true },
        branchesToClose: true,
        branchesToReassess: true,
        skipped: { memberId: true, reason: true },
      },
      at: true,
    },
  },
  BranchesMerged: { fields: { restructuringId: true, sourceBranchIds: true, targetBranchId: true, at: true } },
  RestructuringCompleted: {
    fields: {
      restructuringId: true,
      kind: true,
      counts: {
        membersTransferred: true,
        membersLeftDuringExecution: true,
        branchesEstablished: true,
        branchesClosed: true,
      },
      at: true,
    },
  },

  ElectionPlanIssued: {
    fields: { campaignId: true, title: true, documentNumber: true, requirements: true, deadline: true, at: true },
  },
  WorkingGroupFormed: { fields: { campaignId: true, groupId: true, name: true, leader: PERSON, at: true } },
  BranchAssignedToWorkingGroup: {
    fields: { campaignId: true, branchId: true, groupId: true, previousGroupId: true, at: true },
  },

  ByElectionRequested: {
    fields: {
      byElectionId: true,
      branchId: true,
      vacancy: { postId: true, kind: true, duty: true, holder: PERSON, reason: true, endDate: true },
      // Free text that may speak of the person who left (illness, a removal).
      reason: false,
      plannedDate: true,
      candidates: PERSON,
      electionMethod: true,
      requestReference: true,
      term: { start: true, end: true },
      at: true,
    },
  },
  ByElectionConsented: {
    fields: { byElectionId: true, branchId: true, consentReference: true, consentedOn: true, at: true },
  },
  ByElectionHeld: {
    fields: {
      byElectionId: true,
      branchId: true,
      policyVersion: true,
      date: true,
      exclusions: { memberId: true, reason: false, approvalReference: true },
      dueVoters: PERSON,
      presentVoters: PERSON,
      quorum: { due: true, present: true, numerator: true, denominator: true, inclusive: true },
      issued: true,
      returned: true,
      valid: true,
      invalid: true,
      invalidByReason: {
        spoiled: true,
        tooManyNames: true,
        writeInWithoutAgainst: true,
        writeInIsCandidate: true,
        duplicateName: true,
      },
      tallies: { ...PERSON, for: true, against: true, abstain: true },
      writeIns: { ...PERSON, votes: true },
      majorityBase: true,
      base: true,
      elected: { ...PERSON, votes: true },
      at: true,
    },
  },
  ByElectionFiled: {
    fields: {
      byElectionId: true,
      branchId: true,
      filingReference: true,
      filedOn: true,
      post: { postId: true, kind: true, duty: true, holder: PERSON },
      vacatedPostId: true,
      termEnd: true,
      at: true,
    },
  },

  DemonstrationCampaignLaunched: {
    fields: { campaignId: true, title: true, year: true, standardVersion: true, at: true },
  },
  DemonstrationBranchDesignated: { fields: { campaignId: true, branchId: true, at: true } },
  ChecklistEvidenceRecorded: {
    fields: {
      campaignId: true,
      branchId: true,
      itemId: true,
      evidence: { kind: true, reference: true, checkedOn: true, checkedBy: true },
      at: true,
    },
  },
  DemonstrationCriterionAssessed: {
    fields: {
      campaignId: true,
      branchId: true,
      criterionId: true,
      score: true,
      passed: true,
      assessedBy: true,
      at: true,
    },
  },
  DemonstrationBranchApproved: {
    fields: {
      campaignId: true,
      branchId: true,
      approvedBy: true,
      documentNumber: true,
      level: true,
      year: true,
      at: true,
    },
  },
  BranchBrandRegistered: {
    fields: { campaignId: true, branchId: true, name: true, feature: true, story: true, previousName: true, at: true },
  },
  DemonstrationFundingGranted: {
    fields: { campaignId: true, branchId: true, grantId: true, amountYuan: true, purpose: true, at: true },
  },
  ExchangeVisitRecorded: {
    fields: {
      campaignId: true,
      visitId: true,
      hostBranchId: true,
      visitingBranchIds: true,
      visitors: true,
      learned: true,
      at: true,
    },
  },
  VolunteerTeamFormed: {
    fields: {
      teamId: true,
      name: true,
      leadBranchId: true,
      leader: { memberId: true, name: true, branchId: true },
      kindsVersion: true,
      at: true,
    },
  },
  VolunteerJoinedTeam: { fields: { teamId: true, memberId: true, name: true, branchId: true, at: true } },
  VolunteerActivityRecorded: {
    fields: {
      teamId: true,
      activityId: true,
      on: true,
      kind: true,
      kindsVersion: true,
      title: true,
      place: true,
      organiser: true,
      participants: { memberId: true, name: true, branchId: true },
      proposals: { memberId: true, text: true },
      at: true,
    },
  },

  RulePolicyPublished: {
    fields: {
      registryId: true,
      policy: {
        version: true,
        effectiveFrom: true,
        description: true,
        minFullMembersForBranch: true,
        committeeRequiredFromFullMembers: true,
        memberWarningAbove: true,
        minimumPartyJoiningAge: true,
        jointBranchMaxUnits: true,
        quorumNumerator: true,
        quorumDenominator: true,
        quorumInclusive: true,
        majorityBase: true,
        differentialSharePercent: true,
        committeeSizeMin: true,
        committeeSizeUsualMax: true,
        committeeSizeHardMax: true,
        termYears: true,
        electionShiftLimitMonths: true,
        approvalLapseDays: true,
        termEndReminderMonths: true,
        overdueReminderEveryMonths: true,
        noTermReminderEveryMonths: true,
        officersUncontestedAllowed: true,
        secretaryMinPartyStandingYears: true,
        secretaryPartyStandingShortfall: true,
        committeeSeatsOdd: true,
        suspensionsWithoutVote: true,
        dueVoterExclusionReasons: true,
      },
      at: true,
    },
  },

  CensusTaken: {
    fields: {
      ...ELECTION,
      branchId: true,
      fullMembers: true,
      probationaryMembers: true,
      suspendedMembers: true,
      committeeRequired: true,
      overSize: true,
      currentTerm: { start: true, end: true },
      // Free text about the committee and the secretary (health, age, willingness): withheld.
      committeeWorking: false,
      secretarySituation: false,
      notes: false,
      termNumber: true,
      termNumberBasis: true,
    },
  },
  ElectionRequested: {
    fields: {
      ...ELECTION,
      plannedDate: true,
      committee: true,
      committeeSeats: true,
      deputySecretary: true,
      electionMethod: true,
      nominationMethod: true,
      agenda: true,
      minimumCommitteeCandidates: true,
      seatsAboveUsual: true,
      requestReference: true,
    },
  },
  ElectionRequestApproved: { fields: { ...ELECTION, approvalReference: true, approvedOn: true, lapsesOn: true } },
  ApprovalLapsed: { fields: { ...ELECTION, approvalReference: true, lapsesOn: true } },
  ElectionPostponed: { fields: SHIFT, summary: 'visibleFields' },
  ElectionBroughtForward: { fields: SHIFT, summary: 'visibleFields' },
  CandidateRecommended: { fields: { ...ELECTION, nominee: PERSON, forPost: true, recommendedBy: PERSON } },
  CandidateNominated: { fields: { ...ELECTION, nominee: PERSON, forPost: true, nominatedBy: true } },
  CandidateVetted: {
    fields: { ...ELECTION, nominee: PERSON, method: true, by: true, notes: false, on: true },
  },
  CommunityConsulted: {
    fields: { ...ELECTION, nominee: PERSON, community: true, opinion: false, on: true },
  },
  CandidateSlateSubmitted: {
    fields: {
      ...ELECTION,
      committeeCandidates: PERSON,
      secretaryCandidates: PERSON,
      deputySecretaryCandidates: PERSON,
      minimumCommitteeCandidates: true,
      // A short party standing is stated by the join date the roll shows reporting jobs anyway.
      warnings: {
        kind: true,
        personId: true,
        name: true,
        joinedPartyOn: true,
        standingReachedOn: true,
        minimumYears: true,
      },
    },
  },
  CandidateSlateApproved: { fields: { ...ELECTION, approvalReference: true, approvedOn: true } },
  MembersAssemblyConvened: {
    fields: {
      ...ELECTION,
      roll: { memberId: true, name: true, membership: true, suspension: false },
      exclusions: { memberId: true, reason: false, approvalReference: true },
      dueVoters: PERSON,
      presentVoters: PERSON,
      nonVotingAttendees: { person: PERSON, kind: true },
      concurrentPostHolders: PERSON,
      scrutineers: PERSON,
      scrutineersApproval: MOTION,
      tellers: PERSON,
      electionMethodAdoption: MOTION,
      quorum: { due: true, present: true, numerator: true, denominator: true, inclusive: true },
      races: { race: true, seats: true, candidates: PERSON },
    },
  },
  BallotsRecorded: {
    fields: {
      ...ELECTION,
      race: true,
      roundNo: true,
      roundKind: true,
      seats: true,
      candidates: PERSON,
      issued: true,
      returned: true,
      valid: true,
      invalid: true,
      invalidByReason: {
        spoiled: true,
        tooManyNames: true,
        writeInWithoutAgainst: true,
        writeInIsCandidate: true,
        duplicateName: true,
      },
      tallies: { ...PERSON, for: true, against: true, abstain: true },
      writeIns: { ...PERSON, votes: true },
    },
  },
  BallotRoundVoided: { fields: { ...ELECTION, race: true, roundNo: true, issued: true, returned: true } },
  BallotsCounted: {
    fields: {
      ...ELECTION,
      race: true,
      roundNo: true,
      roundKind: true,
      majorityBase: true,
      base: true,
      dueVoters: true,
      presentVoters: true,
      elected: ELECTED,
      notElected: { ...PERSON, votes: true },
      outcome: true,
      runoff: { candidates: PERSON, seats: true },
      remainingSeats: true,
    },
  },
  SupplementaryBallotHeld: {
    fields: { ...ELECTION, race: true, roundNo: true, candidates: PERSON, seats: true },
  },
  SeatsReduced: {
    fields: { ...ELECTION, race: true, fromSeats: true, toSeats: true, consent: MOTION, dueVoters: true },
  },
  OfficersElected: {
    fields: {
      ...ELECTION,
      electedBy: true,
      chair: PERSON,
      secretary: OFFICER,
      deputySecretary: OFFICER,
      scrutineers: PERSON,
      duties: true,
    },
  },
  ElectionResultReported: {
    fields: {
      ...ELECTION,
      reportReference: true,
      committeeMembers: ELECTED,
      secretary: OFFICER,
      deputySecretary: OFFICER,
      deviations: { kind: true, race: true, person: PERSON, post: true, fromSeats: true, toSeats: true },
    },
  },
  ElectionResultApproved: {
    fields: {
      ...ELECTION,
      approvalReference: true,
      approvedOn: true,
      approvedOfficers: PERSON,
      filedCommitteeMembers: PERSON,
      filingReference: true,
      superiorDecision: { reference: true, decision: true },
    },
  },
  InstallationRequested: {
    fields: {
      ...ELECTION,
      branchId: true,
      posts: INSTALLED_POST,
      termStart: true,
      termEnd: true,
      termYears: true,
      termPolicyVersion: true,
    },
  },
  ResultInstalled: {
    fields: { ...ELECTION, branchId: true, posts: INSTALLED_POST, termStart: true, termEnd: true },
  },
  ElectionCancelled: {
    fields: { ...ELECTION, reason: false, cancelledInStatus: true },
    summary: 'visibleFields',
  },
  TermEndReminderDue: {
    fields: { ...ELECTION, branchId: true, termEnd: true, daysBefore: true, dueOn: true },
  },
  ElectionReminderSent: {
    fields: {
      branchId: true,
      kind: true,
      dueOn: true,
      termEnd: true,
      electionId: true,
      monthsBefore: true,
      policyVersion: true,
      at: true,
    },
  },
};

type RuntimeRule = boolean | ((value: never) => unknown) | { readonly [field: string]: RuntimeRule };

/** An entry as the code reads it at run time, whatever its type's data. */
export interface RuntimeReporterEntry {
  readonly fields: { readonly [field: string]: RuntimeRule };
  readonly summary?: 'visibleFields';
}

/** The entry of a type, or null for a type no one has decided about (its data is withheld). */
export function reporterEntry(type: string): RuntimeReporterEntry | null {
  return Object.prototype.hasOwnProperty.call(REPORTER_FIELDS, type)
    ? REPORTER_FIELDS[type as keyof ReporterFieldCatalogue]
    : null;
}

/** The event's data as a reporter may see it: only the fields its type's entry shows. */
export function reporterData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const entry = reporterEntry(type);
  if (entry === null) return {};
  return pick(data, entry.fields) as Record<string, unknown>;
}

/**
 * A value as a reporter may see it, by an allow-list of its type (`FieldShape<T>`: a compile
 * error until every field of T, of every variant of a union, has a decision): only the fields
 * the shape shows, recoded where it says so. A field the value holds and the shape does not know
 * is withheld.
 */
export function reporterShape<T>(shape: FieldShape<T>, value: T): Record<string, unknown> {
  const shown = pick(value, shape);
  return shown !== null && typeof shown === 'object' ? (shown as Record<string, unknown>) : {};
}

const WITHHELD = Symbol('withheld');

function pick(value: unknown, rule: RuntimeRule): unknown {
  if (rule === true) return value;
  if (rule === false) return WITHHELD;
  if (value === null || value === undefined) return value;
  if (typeof rule === 'function') {
    // A recoding decides about a scalar; an object or a list where one was decided on is not shown.
    if (typeof value === 'object') return WITHHELD;
    return (rule as (recorded: unknown) => unknown)(value);
  }
  if (Array.isArray(value)) return value.map((element) => pick(element, rule)).filter((v) => v !== WITHHELD);
  // A shape where the data holds a scalar: the recorded value is not what was decided on.
  if (typeof value !== 'object') return WITHHELD;
  const shown: Record<string, unknown> = {};
  for (const [field, fieldRule] of Object.entries(rule)) {
    if (!Object.prototype.hasOwnProperty.call(value, field)) continue;
    const picked = pick((value as Record<string, unknown>)[field], fieldRule);
    if (picked !== WITHHELD) shown[field] = picked;
  }
  return shown;
}
