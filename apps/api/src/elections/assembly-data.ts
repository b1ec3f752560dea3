import type { PersonBody } from '../http/person-body';
import type { BallotPaperBody, ExclusionBody } from './election.dto';

/**
 * The parts of a members' assembly's body that the term election and a by-election share, as
 * the domain takes them: plain records with only the fields the rules read.
 */
export const person = ({ personId, name }: PersonBody) => ({ personId, name });

export const persons = (list: readonly PersonBody[]) => list.map(person);

export const exclusionsOf = (list: readonly ExclusionBody[]) =>
  list.map(({ memberId, reason, approvalReference }) => ({ memberId, reason, approvalReference }));

export const ballotPapersOf = (list: readonly BallotPaperBody[]) =>
  list.map((paper) => ({
    marks: { ...paper.marks },
    ...(paper.writeIns === undefined
      ? {}
      : { writeIns: paper.writeIns.map((writeIn) => ({ beside: writeIn.beside, person: person(writeIn.person) })) }),
    ...(paper.spoiled === undefined ? {} : { spoiled: paper.spoiled }),
  }));
