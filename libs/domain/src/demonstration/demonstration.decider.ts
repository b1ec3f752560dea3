import { requireEstablishedBy } from '../organisation/establishment';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import {
  ApproveDemonstrationBranch,
  AssessDemonstrationCriterion,
  DemonstrationCommand,
  DesignateDemonstrationBranch,
  GrantDemonstrationFunding,
  LaunchDemonstrationCampaign,
  RecordChecklistEvidence,
  RecordExchangeVisit,
  RegisterBranchBrand,
} from './demonstration.commands';
import { DemonstrationEvent } from './demonstration.events';
import {
  CURRENT_DEMONSTRATION_STANDARD,
  DEMONSTRATION_STANDARDS,
  demonstrationStandard,
} from './demonstration-standard';
import {
  ActiveDemonstration,
  DemonstrationBranch,
  DemonstrationState,
  missingChecklistItems,
  standardOf,
  unmetCriteria,
} from './demonstration.state';

export const demonstrationStreamName = (campaignId: string): string => `demonstration-${campaignId}`;

/**
 * 示范党支部创建 (docs/rules.md §13): the chosen branches, the evidence for each checklist item,
 * the 六好 assessments, the superior's approval, brands, funding and exchange visits, on one
 * stream per campaign so approval is judged against everything recorded for the branch.
 */
export const demonstrationDecider: Decider<DemonstrationCommand, DemonstrationEvent, DemonstrationState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'LaunchDemonstrationCampaign':
        return launch(command, state);
      case 'DesignateDemonstrationBranch':
        return designate(command, requireActive(state, command.data.campaignId));
      case 'RecordChecklistEvidence':
        return recordEvidence(command, requireActive(state, command.data.campaignId));
      case 'AssessDemonstrationCriterion':
        return assess(command, requireActive(state, command.data.campaignId));
      case 'ApproveDemonstrationBranch':
        return approve(command, requireActive(state, command.data.campaignId));
      case 'RegisterBranchBrand':
        return registerBrand(command, requireActive(state, command.data.campaignId));
      case 'GrantDemonstrationFunding':
        return grantFunding(command, requireActive(state, command.data.campaignId));
      case 'RecordExchangeVisit':
        return recordVisit(command, requireActive(state, command.data.campaignId));
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'DemonstrationCampaignLaunched') {
      const { campaignId, title, year, standardVersion, at } = event.data;
      return { status: 'active', campaignId, title, year, standardVersion, launchedAt: at, branches: [], visits: [] };
    }
    if (state.status !== 'active') return state;
    switch (event.type) {
      case 'DemonstrationBranchDesignated':
        return {
          ...state,
          branches: [
            ...state.branches,
            {
              branchId: event.data.branchId,
              designatedAt: event.data.at,
              evidence: {},
              assessments: {},
              approval: null,
              brand: null,
              funding: [],
            },
          ],
        };
      case 'ChecklistEvidenceRecorded': {
        const { itemId, evidence, at } = event.data;
        return withBranch(state, event.data.branchId, (branch) => ({
          ...branch,
          evidence: { ...branch.evidence, [itemId]: { ...evidence, at } },
        }));
      }
      case 'DemonstrationCriterionAssessed': {
        const { criterionId, score, passed, assessedBy, at } = event.data;
        return withBranch(state, event.data.branchId, (branch) => ({
          ...branch,
          assessments: { ...branch.assessments, [criterionId]: { score, passed, assessedBy, at } },
        }));
      }
      case 'DemonstrationBranchApproved': {
        const { approvedBy, documentNumber, level, year, at } = event.data;
        return withBranch(state, event.data.branchId, (branch) => ({
          ...branch,
          approval: { approvedBy, documentNumber, level, year, at },
        }));
      }
      case 'BranchBrandRegistered': {
        const { name, feature, story, at } = event.data;
        return withBranch(state, event.data.branchId, (branch) => ({ ...branch, brand: { name, feature, story, at } }));
      }
      case 'DemonstrationFundingGranted': {
        const { grantId, amountYuan, purpose, at } = event.data;
        return withBranch(state, event.data.branchId, (branch) => ({
          ...branch,
          funding: [...branch.funding, { grantId, amountYuan, purpose, at }],
        }));
      }
      case 'ExchangeVisitRecorded': {
        const { visitId, hostBranchId, visitingBranchIds, visitors, learned, at } = event.data;
        return {
          ...state,
          visits: [...state.visits, { visitId, hostBranchId, visitingBranchIds, visitors, learned, at }],
        };
      }
      default:
        return assertNever(event);
    }
  },
};

function withBranch(
  state: ActiveDemonstration,
  branchId: string,
  change: (branch: DemonstrationBranch) => DemonstrationBranch,
): ActiveDemonstration {
  return {
    ...state,
    branches: state.branches.map((branch) => (branch.branchId === branchId ? change(branch) : branch)),
  };
}

function requireActive(state: DemonstrationState, campaignId: string): ActiveDemonstration {
  if (state.status === 'none') throw refuse('DEMONSTRATION_CAMPAIGN_NOT_FOUND', { campaignId });
  return state;
}

function requireDesignated(state: ActiveDemonstration, branchId: string): DemonstrationBranch {
  const branch = state.branches.find((candidate) => candidate.branchId === branchId);
  if (branch === undefined) {
    throw refuse('DEMONSTRATION_BRANCH_NOT_DESIGNATED', { campaignId: state.campaignId, branchId });
  }
  return branch;
}

function launch(command: LaunchDemonstrationCampaign, state: DemonstrationState): readonly DemonstrationEvent[] {
  const { campaignId, year } = command.data;
  if (state.status === 'active') {
    throw refuse('DEMONSTRATION_CAMPAIGN_ALREADY_EXISTS', { campaignId, title: state.title });
  }
  const title = requireText(command.data.title, 'demonstration campaign title', 'INVALID_NAME');
  const standardVersion = command.data.standardVersion ?? CURRENT_DEMONSTRATION_STANDARD;
  if (demonstrationStandard(standardVersion) === undefined) {
    throw refuse('DEMONSTRATION_STANDARD_UNKNOWN', {
      version: standardVersion,
      known: DEMONSTRATION_STANDARDS.map((standard) => standard.version),
    });
  }
  return [
    {
      type: 'DemonstrationCampaignLaunched',
      data: { campaignId, title, year, standardVersion, at: command.metadata.at },
    },
  ];
}

function designate(command: DesignateDemonstrationBranch, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId, context } = command.data;
  if (state.branches.some((branch) => branch.branchId === branchId)) return [];
  if (context.branchStatus !== 'open') {
    throw refuse('DEMONSTRATION_BRANCH_NOT_OPEN', {
      branchId,
      branchStatus: context.branchStatus,
      purpose: 'designation',
    });
  }
  requireEstablishedBy({ kind: 'designation', branchId }, command.metadata.at, context.established[branchId]);
  return [
    {
      type: 'DemonstrationBranchDesignated',
      data: { campaignId: state.campaignId, branchId, at: command.metadata.at },
    },
  ];
}

function recordEvidence(command: RecordChecklistEvidence, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId, itemId } = command.data;
  const branch = requireDesignated(state, branchId);
  const standard = standardOf(state);
  if (!standard.checklist.some((item) => item.id === itemId)) {
    throw refuse('DEMONSTRATION_ITEM_UNKNOWN', {
      itemId,
      standardVersion: standard.version,
      known: standard.checklist.map((item) => `${item.id}（${item.zh}）`),
    });
  }
  const evidence = {
    kind: command.data.evidence.kind,
    reference: requireText(command.data.evidence.reference, 'evidence reference'),
    checkedOn: requireCalendarDate(command.data.evidence.checkedOn, 'evidence check date'),
    checkedBy: requireText(command.data.evidence.checkedBy, 'who checked', 'INVALID_NAME'),
  };
  const recordedOn = requireCalendarDate(command.metadata.at, 'date of the act');
  if (evidence.checkedOn > recordedOn) {
    throw refuse('DEMONSTRATION_EVIDENCE_CHECKED_LATER', { checkedOn: evidence.checkedOn, recordedOn });
  }
  const current = branch.evidence[itemId];
  if (
    current !== undefined &&
    current.kind === evidence.kind &&
    current.reference === evidence.reference &&
    current.checkedOn === evidence.checkedOn &&
    current.checkedBy === evidence.checkedBy
  ) {
    return [];
  }
  return [
    {
      type: 'ChecklistEvidenceRecorded',
      data: { campaignId: state.campaignId, branchId, itemId, evidence, at: command.metadata.at },
    },
  ];
}

function assess(command: AssessDemonstrationCriterion, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId, criterionId } = command.data;
  requireDesignated(state, branchId);
  const standard = standardOf(state);
  if (!standard.criteria.some((criterion) => criterion.id === criterionId)) {
    throw refuse('DEMONSTRATION_CRITERION_UNKNOWN', {
      criterionId,
      standardVersion: standard.version,
      known: standard.criteria.map((criterion) => `${criterion.id}（${criterion.zh}）`),
    });
  }
  const score = command.data.score ?? null;
  const given = command.data.passed ?? null;
  const invalid = { criterionId, score, passed: given, passingScore: standard.passingScore };
  if (score === null && given === null) throw refuse('DEMONSTRATION_ASSESSMENT_INVALID', invalid);
  if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) {
    throw refuse('DEMONSTRATION_ASSESSMENT_INVALID', invalid);
  }
  // A score decides pass or fail by the standard's mark; a pass/fail stated beside it must agree.
  const passed = score === null ? given === true : score >= standard.passingScore;
  if (given !== null && given !== passed) throw refuse('DEMONSTRATION_ASSESSMENT_INVALID', invalid);
  const assessedBy = requireText(command.data.assessedBy, 'who assessed', 'INVALID_NAME');
  return [
    {
      type: 'DemonstrationCriterionAssessed',
      data: {
        campaignId: state.campaignId,
        branchId,
        criterionId,
        score,
        passed,
        assessedBy,
        at: command.metadata.at,
      },
    },
  ];
}

function approve(command: ApproveDemonstrationBranch, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId, level } = command.data;
  const branch = requireDesignated(state, branchId);
  const approvedBy = requireText(command.data.approvedBy, 'approving organisation', 'INVALID_NAME');
  const documentNumber = requireText(
    command.data.documentNumber,
    'demonstration approval document number',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  if (branch.approval !== null) {
    if (branch.approval.documentNumber === documentNumber) return [];
    throw refuse('DEMONSTRATION_ALREADY_APPROVED', { branchId, documentNumber: branch.approval.documentNumber });
  }
  const standard = standardOf(state);
  const missing = missingChecklistItems(standard, branch);
  if (missing.length > 0) {
    throw refuse('DEMONSTRATION_CHECKLIST_INCOMPLETE', {
      branchId,
      missing: missing.map(({ id, zh, en }) => ({ id, zh, en })),
      standardVersion: standard.version,
    });
  }
  const unmet = unmetCriteria(standard, branch);
  if (unmet.length > 0) {
    throw refuse('DEMONSTRATION_CRITERIA_NOT_MET', {
      branchId,
      unmet: unmet.map(({ id, zh, en }) => ({ id, zh, en })),
      standardVersion: standard.version,
    });
  }
  return [
    {
      type: 'DemonstrationBranchApproved',
      data: {
        campaignId: state.campaignId,
        branchId,
        approvedBy,
        documentNumber,
        level,
        year: state.year,
        at: command.metadata.at,
      },
    },
  ];
}

function registerBrand(command: RegisterBranchBrand, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId } = command.data;
  const branch = requireDesignated(state, branchId);
  const name = requireText(command.data.name, 'brand name', 'INVALID_NAME');
  const feature = requireText(command.data.feature, 'brand feature');
  const story = requireText(command.data.story, 'brand story');
  const current = branch.brand;
  if (current !== null && current.name === name && current.feature === feature && current.story === story) return [];
  return [
    {
      type: 'BranchBrandRegistered',
      data: {
        campaignId: state.campaignId,
        branchId,
        name,
        feature,
        story,
        previousName: current?.name ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

function grantFunding(command: GrantDemonstrationFunding, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { branchId, grantId, amountYuan } = command.data;
  const branch = requireDesignated(state, branchId);
  if (!Number.isSafeInteger(amountYuan) || amountYuan <= 0) {
    throw refuse('DEMONSTRATION_FUNDING_INVALID', { amountYuan });
  }
  const purpose = requireText(command.data.purpose, 'funding purpose');
  const recorded = state.branches.flatMap((other) => other.funding.map((grant) => ({ branch: other, grant })));
  const existing = recorded.find(({ grant }) => grant.grantId === grantId);
  if (existing !== undefined) {
    const same =
      existing.branch.branchId === branch.branchId &&
      existing.grant.amountYuan === amountYuan &&
      existing.grant.purpose === purpose;
    if (same) return [];
    throw refuse('DEMONSTRATION_GRANT_ALREADY_RECORDED', { grantId });
  }
  return [
    {
      type: 'DemonstrationFundingGranted',
      data: { campaignId: state.campaignId, branchId, grantId, amountYuan, purpose, at: command.metadata.at },
    },
  ];
}

function recordVisit(command: RecordExchangeVisit, state: ActiveDemonstration): readonly DemonstrationEvent[] {
  const { visitId, hostBranchId, context } = command.data;
  requireDesignated(state, hostBranchId);
  const visitingBranchIds = [...new Set(command.data.visitingBranchIds)];
  if (visitingBranchIds.length === 0) throw refuse('REQUIRED_FIELD', { field: 'visiting branches' });
  if (visitingBranchIds.includes(hostBranchId)) throw refuse('EXCHANGE_VISIT_TO_ITSELF', { branchId: hostBranchId });
  for (const branchId of visitingBranchIds) {
    const branchStatus = context.branchStatuses[branchId] ?? 'notFound';
    if (branchStatus !== 'open') {
      throw refuse('DEMONSTRATION_BRANCH_NOT_OPEN', { branchId, branchStatus, purpose: 'visit' });
    }
  }
  const visitors = command.data.visitors.map((name) => requireText(name, 'visitor name', 'INVALID_NAME'));
  const learned = requireText(command.data.learned, 'what was learned');
  const existing = state.visits.find((visit) => visit.visitId === visitId);
  if (existing !== undefined) {
    const same =
      existing.hostBranchId === hostBranchId &&
      existing.learned === learned &&
      existing.visitingBranchIds.join('\n') === visitingBranchIds.join('\n') &&
      existing.visitors.join('\n') === visitors.join('\n');
    if (same) return [];
    throw refuse('EXCHANGE_VISIT_ALREADY_RECORDED', { visitId });
  }
  return [
    {
      type: 'ExchangeVisitRecorded',
      data: {
        campaignId: state.campaignId,
        visitId,
        hostBranchId,
        visitingBranchIds,
        visitors,
        learned,
        at: command.metadata.at,
      },
    },
  ];
}
