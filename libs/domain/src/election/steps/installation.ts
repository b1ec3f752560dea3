import { PostKind } from '../../organisation/branch/post';
import { policyVersion } from '../../policy/policy-in-force';
import { refuse } from '../../shared/domain-error';
import { addYears } from '../calendar';
import { ConfirmInstallation, Person } from '../election.commands';
import { ElectionEvent, InstalledPost } from '../election.events';
import { ElectionIn } from '../election.state';
import { personOf } from '../guards';
import { Judge, stamp } from '../judge';
import { committeeMembersOf } from './officers';

/** Post ids derive from the election, the post and the person, so the installation's retries assign the same posts. */
export function installationPostId(electionId: string, kind: PostKind, personId: string): string {
  return `${electionId}-${kind}-${personId}`;
}

export function requestInstallation(state: ElectionIn<'resultApproved'>, judge: Judge): readonly ElectionEvent[] {
  // The term is set by the rules in force on the election day, whatever was published since.
  const termPolicy = policyVersion(judge.policies, state.assembly.policyVersion);
  const termStart = state.assembly.date;
  const termEnd = addYears(termStart, termPolicy.termYears);
  const { secretary, deputySecretary, duties } = state.officers;
  const officerIds = new Set([secretary.personId, deputySecretary?.personId]);
  const post = (kind: PostKind, holder: Person, duty: string | null): InstalledPost => ({
    postId: installationPostId(state.electionId, kind, holder.personId),
    kind,
    duty,
    holder: personOf(holder),
  });
  const posts: InstalledPost[] = [
    post('secretary', secretary, null),
    ...(deputySecretary === null ? [] : [post('deputySecretary', deputySecretary, null)]),
    ...committeeMembersOf(state)
      .filter((person) => !officerIds.has(person.personId))
      .map((person) => post('committeeMember', person, duties[person.personId] ?? '委员')),
  ];
  return [
    {
      type: 'InstallationRequested',
      data: {
        ...stamp(state.electionId, judge),
        branchId: state.branchId,
        posts,
        termStart,
        termEnd,
        termYears: termPolicy.termYears,
        termPolicyVersion: termPolicy.version,
      },
    },
  ];
}

export function confirmInstallation(
  command: ConfirmInstallation,
  state: ElectionIn<'installing'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const held = new Set(command.data.context.branchPostIds);
  const missing = state.installation.posts.filter((post) => !held.has(post.postId));
  if (missing.length > 0) {
    throw refuse('INSTALLATION_INCOMPLETE', {
      missing: missing.map((post) => post.postId),
      posts: missing.map((post) => ({ kind: post.kind, name: post.holder.name })),
    });
  }
  const { posts, termStart, termEnd } = state.installation;
  return [
    {
      type: 'ResultInstalled',
      data: { ...stamp(state.electionId, judge), branchId: state.branchId, posts, termStart, termEnd },
    },
  ];
}
