import { Alert, Card, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { components } from '../../api/schema';
import { useElection } from './election-context';
import { RACE_LABELS } from './election-steps';
import { BallotEntry } from './ballot-entry';
import { votesToElect } from './ballot-tally';
import { CommandButton, day, MotionFields, occurredAtField, personsOf, PersonSelect } from './form-parts';
import { useCommand } from './use-command';

type RaceState = components['schemas']['RaceStateDto'];
type BallotRound = components['schemas']['BallotRoundDto'];
type BallotCount = components['schemas']['BallotCountDto'];

const ROUND_KINDS: Readonly<Record<string, string>> = {
  regular: '选举',
  runoff: '再次投票',
  supplementary: '另行选举',
};
const PHASES: Readonly<Record<RaceState['phase'], [string, string]>> = {
  awaitingBallots: ['待录入选票', 'blue'],
  awaitingCount: ['待计票', 'gold'],
  shortfall: ['未选满', 'red'],
  complete: ['已选出', 'green'],
};

/** One contest at the assembly: its rounds and counts, and what comes next in it. */
export function RacePanel({ race }: { race: RaceState }) {
  const [phase, color] = PHASES[race.phase];
  const label = RACE_LABELS[race.race];
  return (
    <Card
      size="small"
      className="race-card"
      title={
        <Space>
          <span>
            {label}选举（应选 {race.seats} 名）
          </span>
          <Tag color={color} bordered={false}>
            {phase}
          </Tag>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" className="screen">
        <Typography.Text>
          候选人：{race.slateCandidates.map((person) => person.name).join('、')}
          {race.elected.length ? `；已当选：${race.elected.map((person) => person.name).join('、')}` : ''}
        </Typography.Text>
        {[
          ...voidedRounds(race).map((roundNo) => ({ roundNo, count: null })),
          ...race.counts.map((count) => ({ roundNo: count.roundNo, count })),
        ]
          .sort((a, b) => a.roundNo - b.roundNo)
          .map(({ roundNo, count }) =>
            count ? (
              <CountOutcome
                key={roundNo}
                count={count}
                round={race.rounds.find((round) => round.roundNo === roundNo)}
              />
            ) : (
              <Alert
                key={roundNo}
                type="error"
                showIcon
                message={`第 ${roundNo} 轮收回选票多于发出选票，已作废，重新投票。`}
              />
            ),
          )}
        {race.phase === 'awaitingBallots' && race.round ? (
          <BallotEntry key={`${race.race}-${race.round.roundNo}`} race={race.race} round={race.round} />
        ) : null}
        {race.phase === 'awaitingCount' && race.recorded ? <CountAction race={race} recorded={race.recorded} /> : null}
        {race.phase === 'shortfall' ? <ShortfallActions race={race} /> : null}
      </Space>
    </Card>
  );
}

/**
 * The rounds voided for more papers returned than issued: the race keeps no record of them but
 * their numbers, which the next round skips.
 */
function voidedRounds(race: RaceState): number[] {
  const recorded = new Set(race.rounds.map((round) => round.roundNo));
  const last = race.round?.roundNo ?? race.nextRoundNo;
  return Array.from({ length: Math.max(0, last - 1) }, (_, index) => index + 1).filter(
    (roundNo) => !recorded.has(roundNo),
  );
}

function RoundFigures({ round }: { round: BallotRound }) {
  return (
    <Typography.Text>
      第 {round.roundNo} 轮{ROUND_KINDS[round.roundKind] ?? ''}：发出选票 {round.issued} 张，收回 {round.returned}{' '}
      张，有效 {round.valid} 张，无效 {round.invalid} 张。
    </Typography.Text>
  );
}

/** A counted round: the tallies, who was elected by the majority rule, and the outcome in words. */
function CountOutcome({ count, round }: { count: BallotCount; round: BallotRound | undefined }) {
  const elected = new Set(count.elected.map((person) => person.personId));
  const baseWord = count.majorityBase === 'due' ? '应到会' : '实到会';
  const outcome =
    count.outcome === 'complete'
      ? { type: 'success' as const, text: '应选名额已选满。' }
      : count.outcome === 'runoff'
        ? {
            type: 'warning' as const,
            text: `得票相等者超过剩余名额，须在${(count.runoff?.candidates ?? []).map((person) => person.name).join('、')}中再次投票，选出 ${count.runoff?.seats ?? count.remainingSeats} 名。`,
          }
        : {
            type: 'warning' as const,
            text: `当选人数不足应选名额，尚缺 ${count.remainingSeats} 名：须另行选举，或经半数以上选举人同意减少名额。`,
          };
  return (
    <Space direction="vertical" size={6} className="screen count-outcome">
      {round ? <RoundFigures round={round} /> : null}
      {round ? (
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={round.tallies}
          columns={[
            { title: '候选人', dataIndex: 'name' },
            { title: '赞成', dataIndex: 'for', align: 'right' },
            { title: '反对', dataIndex: 'against', align: 'right' },
            { title: '弃权', dataIndex: 'abstain', align: 'right' },
            {
              title: '结果',
              render: (_, tally) =>
                elected.has(tally.personId) ? (
                  <Tag color="green" bordered={false}>
                    当选
                  </Tag>
                ) : (
                  <Tag bordered={false}>未当选</Tag>
                ),
            },
          ]}
        />
      ) : null}
      <Alert
        type={outcome.type}
        showIcon
        message={`第 ${count.roundNo} 轮计票结果：${
          count.elected.length
            ? `${count.elected.map((person) => `${person.name}（${person.votes}票）`).join('、')}当选`
            : '无人当选'
        }`}
        description={`以${baseWord}有选举权的党员 ${count.base} 名为基数，得赞成票超过半数（至少 ${votesToElect(count.base)} 票）方可当选。${outcome.text}`}
      />
    </Space>
  );
}

function CountAction({ race, recorded }: { race: RaceState; recorded: BallotRound }) {
  const { asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/count', 'CountBallots');
  return (
    <Space direction="vertical" size={6} className="screen">
      {contextHolder}
      <RoundFigures round={recorded} />
      <Form<{ occurredAt: dayjs.Dayjs }>
        name={`count-${race.race}`}
        layout="inline"
        initialValues={{ occurredAt: dayjs(asOf) }}
        onFinish={(values) => void submit({ race: race.race, occurredAt: day(values.occurredAt) })}
      >
        {occurredAtField}
        <CommandButton command="CountBallots" pending={pending} />
      </Form>
    </Space>
  );
}

/** A shortfall: a further ballot for the empty seats, or fewer seats with the electors' consent. */
function ShortfallActions({ race }: { race: RaceState }) {
  const { roll, asOf, view } = useElection();
  const supplementary = useCommand('/elections/{electionId}/supplementary-ballot', 'HoldSupplementaryBallot');
  const reduce = useCommand('/elections/{electionId}/reduce-seats', 'ReduceSeats');
  const elected = new Set(race.elected.map((person) => person.personId));
  const electable = roll
    .filter((member) => member.membership === 'full' && !member.votingSuspended && !elected.has(member.memberId))
    .map((member) => ({ personId: member.memberId, name: member.name }));
  const present = view.state.assembly?.presentVoters.length ?? 0;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {supplementary.contextHolder}
      {reduce.contextHolder}
      <Form<{ candidates: string[]; occurredAt: dayjs.Dayjs }>
        name={`supplementary-${race.race}`}
        layout="vertical"
        initialValues={{
          candidates: (race.notElected ?? []).map((person) => person.personId),
          occurredAt: dayjs(asOf),
        }}
        onFinish={(values) =>
          void supplementary.submit({
            race: race.race,
            candidates: personsOf(values.candidates, electable),
            occurredAt: day(values.occurredAt),
          })
        }
      >
        <Typography.Title level={5}>另行选举</Typography.Title>
        <PersonSelect name="candidates" label="另行选举候选人" people={electable} multiple />
        {occurredAtField}
        <CommandButton command="HoldSupplementaryBallot" pending={supplementary.pending} />
      </Form>
      <Form<{ consent: { for: number; against: number; abstain: number }; occurredAt: dayjs.Dayjs }>
        name={`reduce-${race.race}`}
        layout="vertical"
        initialValues={{ consent: { for: present, against: 0, abstain: 0 }, occurredAt: dayjs(asOf) }}
        onFinish={(values) =>
          void reduce.submit({ race: race.race, consent: values.consent, occurredAt: day(values.occurredAt) })
        }
      >
        <Typography.Title level={5}>减少应选名额</Typography.Title>
        <MotionFields name="consent" label="选举人对减少名额的表决" />
        {occurredAtField}
        <CommandButton command="ReduceSeats" pending={reduce.pending} />
      </Form>
    </Space>
  );
}
