import type { ElectionFile } from './election-file';
import { clause, day, termName, whatIsElected } from './document-phrases';
import { bodyParagraph, headingParagraph, officialDocx } from './official-layout';

/**
 * 批复: the superior's answer to the request, under its 文号 and date, with the date, seats and
 * method it approved and the day the approval lapses if no election is held.
 */
export function approvalDocument(file: ElectionFile): Promise<Buffer> {
  const { request, approval } = file;
  if (request === null || approval === null)
    throw new Error('the approval document needs the request and the approval');
  const seats = request.committee
    ? `${termName(file.termNumber)}支部委员会由委员${request.committeeSeats}名组成，设书记1名${request.deputySecretary ? '、副书记1名' : ''}，委员候选人实行差额选举。`
    : `你支部不设支部委员会，由党员大会选举产生支部书记1名${request.deputySecretary ? '、副书记1名' : ''}。`;
  return officialDocx({
    issuer: file.superiorName,
    number: approval.reference,
    title: `关于同意${file.branchName}进行换届选举的批复`,
    addressee: file.branchName,
    body: [
      bodyParagraph(
        `你支部《关于召开党员大会进行换届选举的请示》${request.reference === null ? '' : `（${request.reference}）`}收悉。经研究，批复如下：`,
      ),
      headingParagraph(
        '一、',
        `同意你支部于${day(request.plannedDate)}召开党员大会进行换届选举，选举产生${whatIsElected(file)}。`,
      ),
      headingParagraph('二、', seats),
      headingParagraph('三、', `选举采用${clause(request.electionMethod)}的办法。`),
      headingParagraph(
        '四、',
        `请严格按照《中国共产党基层组织选举工作条例》的规定组织选举，选举结果及时报批。至${day(approval.lapsesOn)}仍未进行选举的，本批复自行失效。`,
      ),
      bodyParagraph('此复。'),
    ],
    signature: file.superiorName,
    date: approval.approvedOn,
  });
}
