// The public surface of the pure domain. `shared/decider-specification` is test-only and not exported.
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/refusals';
export * from './shared/iso-date';
export * from './shared/zh-date';

export * from './policy/rule-policy';
export * from './policy/default-rule-policies';
export * from './policy/policy-in-force';

export * from './organisation/organisation-facts';
export * from './organisation/establishment';

export * from './organisation/committee/committee.commands';
export * from './organisation/committee/committee.events';
export * from './organisation/committee/committee.state';
export { partyCommitteeDecider, partyCommitteeStreamName } from './organisation/committee/committee.decider';

export * from './organisation/branch/post';
export * from './organisation/branch/branch.commands';
export * from './organisation/branch/branch.events';
export * from './organisation/branch/branch.state';
export * from './organisation/branch/branch-shape';
export { branchDecider, branchStreamName, createBranchDecider } from './organisation/branch/branch.decider';
export type { BranchDecider } from './organisation/branch/branch.decider';

export * from './organisation/member/member.commands';
export * from './organisation/member/member.events';
export * from './organisation/member/member.state';
export { createMemberDecider, memberDecider, memberStreamName } from './organisation/member/member.decider';
export type { MemberDecider } from './organisation/member/member.decider';

export * from './restructuring/restructuring-plan';
export * from './restructuring/plan-transfers';
export * from './restructuring/restructuring.commands';
export * from './restructuring/restructuring.events';
export * from './restructuring/restructuring.state';
export { restructuringDecider, restructuringStreamName } from './restructuring/restructuring.decider';

export * from './policy/validate-rule-policy';
export * from './policy/rule-policy.commands';
export * from './policy/rule-policy.events';
export * from './policy/rule-policy.state';
export {
  rulePolicyDecider,
  rulePolicyStreamName,
  rulePolicyVersions,
  policyInForceOn,
} from './policy/rule-policy.decider';

export * from './campaign/campaign.commands';
export * from './campaign/campaign.events';
export * from './campaign/campaign.state';
export { campaignDecider, campaignStreamName } from './campaign/campaign.decider';

export * from './election/election.commands';
export * from './election/election.events';
export * from './election/election.state';
export * from './election/election-statuses';
export * from './election/election.transitions';
export * from './election/next-actions';
export * from './election/calendar';
export * from './election/surname-strokes';
export { createElectionDecider, electionDecider, electionStreamName } from './election/election.decider';
export type { ElectionDecider } from './election/election.decider';
export { evolveElection } from './election/evolve-election';
export * from './election/term-end-reminder';
export * from './election/election-reminders';
export * from './shared/document-number';

export * from './demonstration/demonstration-standard';
export * from './demonstration/demonstration.commands';
export * from './demonstration/demonstration.events';
export * from './demonstration/demonstration.state';
export { demonstrationDecider, demonstrationStreamName } from './demonstration/demonstration.decider';

export * from './volunteer/volunteer-kinds';
export * from './volunteer/volunteer.commands';
export * from './volunteer/volunteer.events';
export * from './volunteer/volunteer.state';
export * from './volunteer/volunteer-statistics';
export { volunteerTeamDecider, volunteerTeamStreamName } from './volunteer/volunteer.decider';
export * from './by-election/by-election.commands';
export * from './by-election/by-election.events';
export * from './by-election/by-election.state';
export {
  byElectionDecider,
  byElectionPostId,
  byElectionStreamName,
  createByElectionDecider,
} from './by-election/by-election.decider';
export type { ByElectionDecider } from './by-election/by-election.decider';
