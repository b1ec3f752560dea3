import type { Motion, Race } from '@app/domain';
import type { ElectionFile, RoundRecord } from './election-file';
import { day, listed, termName, whatIsElected } from './document-phrases';
import { bodyParagraph, figuresTable, headingParagraph, officialDocx } from './official-layout';
import type { Paragraph, Table } from 'docx';

const RACE_NAMES: Readonly<Record<Race, string>> = {
  committee: '支部委员会委员',
  secretary: '支部书记',
  deputySecretary: '支部副书记',
};

const ROUND_NAMES: Readonly<Record<RoundRecord['roundKind'], string>> = {
  regular: '',
  runoff: '（得票相等者再次投票）',
  supplementary: '（另行选举）',
};

const motion = (votes: Motion): string => `赞成${votes.for}票、反对${votes.against}票、弃权${votes.abstain}票`;

/** The ballots of one round: the paper count in a sentence, each candidate's votes in a table. */
function roundSection(round: RoundRecord, roundsOfRace: number): (Paragraph | Table)[] {
  const which = roundsOfRace > 1 ? `第${round.roundNo}轮投票${ROUND_NAMES[round.roundKind]}` : '投票';
  const writeIns =
    round.writeIns.length === 0
      ? ''
      : `另选他人：${round.writeIns.map((line) => `${line.name}${line.votes}票${line.elected ? '（当选）' : ''}`).join('，')}。`;
  return [
    bodyParagraph(
      `选举${RACE_NAMES[round.race]}${which}，应选${round.seats}名，共发出选票${round.issued}张，收回${round.returned}张，其中有效票${round.valid}张、无效票${round.invalid}张，选举有效。各候选人得票如下：${writeIns}`,
    ),
    figuresTable(
      ['候选人', '赞成票', '反对票', '弃权票', '是否当选'],
      round.tallies.map((line) => [line.name, line.for, line.against, line.abstain, line.elected ? '当选' : '未当选']),
    ),
  ];
}

/**
 * 选举结果报告: the branch reports the assembly (who was due and present, scrutineers and
 * tellers), every round's ballots and each candidate's votes, who was elected to the committee,
 * the secretary and deputy with their votes, and the committee members' duties.
 */
export function resultReportDocument(file: ElectionFile): Promise<Buffer> {
  const { report, assembly, officers, approval, request } = file;
  if (report === null || assembly === null || officers === null) {
    throw new Error('the result report needs the assembly, the officers and the report');
  }
  const committee = request?.committee ?? report.committeeMembers.length > 0;
  const basis =
    approval === null
      ? ''
      : `根据${file.superiorName}《关于同意${file.branchName}进行换届选举的批复》（${approval.reference}），`;
  const quorum = assembly.present * 5 >= assembly.due * 4 ? '达到应到会人数的五分之四，符合规定' : '';
  const roundsByRace = new Map<Race, number>();
  for (const round of file.rounds) roundsByRace.set(round.race, (roundsByRace.get(round.race) ?? 0) + 1);
  const candidates = assembly.races
    .map(
      (race) =>
        `${RACE_NAMES[race.race]}应选${race.seats}名、候选人${race.candidates.length}名（${listed(race.candidates)}）`,
    )
    .join('；');
  const elected = committee
    ? `经党员大会选举，${listed(report.committeeMembers.map((member) => `${member.name}（${member.votes}票）`))}当选为${termName(file.termNumber)}支部委员会委员。`
    : '';
  const meeting =
    officers.electedBy === 'committeeFirstMeeting'
      ? `${day(officers.on)}，${termName(file.termNumber)}支部委员会召开第一次全体会议，选举`
      : '党员大会选举';
  const officerLine =
    `${meeting}${officers.secretary.name}为支部书记（${motion(officers.secretary.votes)}）` +
    (officers.deputySecretary === null
      ? '。'
      : `，${officers.deputySecretary.name}为支部副书记（${motion(officers.deputySecretary.votes)}）。`);
  const duties =
    officers.duties.length === 0
      ? ''
      : `委员分工：${officers.duties.map((line) => `${line.name}任${line.duty}`).join('，')}。`;
  const title = committee ? `关于${termName(file.termNumber)}支部委员会选举结果的报告` : '关于支部书记选举结果的报告';
  return officialDocx({
    issuer: file.branchName,
    number: report.reference,
    title,
    addressee: file.superiorName,
    body: [
      bodyParagraph(
        `${basis}我支部于${day(assembly.date)}召开党员大会，进行换届选举，选举产生${whatIsElected(file)}。现将选举结果报告如下：`,
      ),
      headingParagraph(
        '一、大会基本情况。',
        `支部应到会有选举权的党员${assembly.due}名，实到会${assembly.present}名${quorum === '' ? '' : `，${quorum}`}。大会通过了选举办法，表决通过${listed(assembly.scrutineers)}为监票人，${listed(assembly.tellers)}为计票人。${candidates}。`,
      ),
      headingParagraph('二、投票和计票情况。'),
      ...file.rounds.flatMap((round) => roundSection(round, roundsByRace.get(round.race) ?? 1)),
      headingParagraph('三、选举结果。', `${elected}${officerLine}${duties}`),
      bodyParagraph('特此报告，请予审批。'),
    ],
    signature: file.branchName,
    date: report.on,
  });
}
