import type { ElectionFile } from './election-file';
import { clause, day, termName, whatIsElected } from './document-phrases';
import { bodyParagraph, headingParagraph, officialDocx } from './official-layout';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 换届选举请示: the branch asks its superior to hold the election, with the members, the seats,
 * the method and the agenda it stated in its request, and the census before it.
 */
export function requestDocument(file: ElectionFile): Promise<Buffer> {
  const request = file.request;
  const census = file.census;
  if (request === null || census === null) throw new Error('the request document needs the request and the census');
  const previous =
    file.termNumber !== null && file.termNumber > 1 ? `${termName(file.termNumber - 1)}支部委员会` : '现任支部委员会';
  const sitting =
    census.currentTerm === null
      ? '我支部自成立以来尚未进行选举'
      : `我支部${request.committee ? previous : '现任支部书记'}于${day(census.currentTerm.start)}选举产生，任期至${day(census.currentTerm.end)}届满`;
  const members = census.fullMembers + census.probationaryMembers;
  const sections: [string, string][] = [
    [
      '党员基本情况。',
      `支部现有党员${members}名，其中正式党员${census.fullMembers}名、预备党员${census.probationaryMembers}名` +
        (census.suspendedMembers > 0 ? `；正式党员中${census.suspendedMembers}名暂无表决权、选举权和被选举权。` : '。'),
    ],
    [
      '委员会设置及职数。',
      request.committee
        ? `拟选举产生${termName(file.termNumber)}支部委员会，由委员${request.committeeSeats}名组成，设书记1名${request.deputySecretary ? '、副书记1名' : ''}；委员候选人实行差额选举，候选人不少于${request.minimumCommitteeCandidates}名。`
        : `支部正式党员不足7名，不设支部委员会，拟由党员大会选举产生支部书记1名${request.deputySecretary ? '、副书记1名' : ''}。`,
    ],
    ['选举办法。', `${clause(request.electionMethod)}。候选人产生方式：${clause(request.nominationMethod)}。`],
  ];
  if (request.agenda.length > 0) {
    sections.push([
      '会议议程。',
      `${request.agenda.map((item, i) => `（${NUMERALS[i] ?? i + 1}）${clause(item)}`).join('；')}。`,
    ]);
  }
  return officialDocx({
    issuer: file.branchName,
    number: request.reference,
    title: '关于召开党员大会进行换届选举的请示',
    addressee: file.superiorName,
    body: [
      bodyParagraph(
        `${sitting}。根据《中国共产党章程》《中国共产党基层组织选举工作条例》和《中国共产党支部工作条例（试行）》的有关规定，经研究，拟于${day(request.plannedDate)}召开党员大会，进行换届选举，选举产生${whatIsElected(file)}。现将有关事项请示如下：`,
      ),
      ...sections.map(([heading, text], i) => headingParagraph(`${NUMERALS[i]}、${heading}`, text)),
      bodyParagraph('妥否，请批示。'),
    ],
    signature: file.branchName,
    date: request.on,
  });
}
