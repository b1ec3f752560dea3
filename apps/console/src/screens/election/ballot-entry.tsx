import { Alert, Button, Checkbox, Form, InputNumber, Radio, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { useElection } from './election-context';
import { RACE_LABELS, type Race } from './election-steps';
import { ballotPapers, roundTotals, type Mark, type PaperPile } from './ballot-tally';
import { CommandButton, day, occurredAtField } from './form-parts';
import { useCommand } from './use-command';

type OpenRound = components['schemas']['OpenRoundDto'];

const MARK_OPTIONS = [
  { value: 'for', label: '赞成' },
  { value: 'against', label: '反对' },
  { value: 'abstain', label: '弃权' },
];

const emptyPile = (candidateIds: readonly string[]): PaperPile => ({
  count: 0,
  marks: Object.fromEntries(candidateIds.map((id) => [id, 'abstain'])),
  spoiled: false,
});

/**
 * The returned papers of the open round, entered as piles marked alike with their number. The
 * totals (returned ≤ issued, valid, each candidate's votes) are worked out as they are typed,
 * before anything is sent; a round with more papers returned than issued is recorded as void.
 */
export function BallotEntry({ race, round }: { race: Race; round: OpenRound }) {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/ballots', 'RecordBallots');
  const candidateIds = round.candidates.map((person) => person.personId);
  const [piles, setPiles] = useState<PaperPile[]>(() => [emptyPile(candidateIds)]);
  const present = view.state.assembly?.presentVoters.length ?? 0;
  const [issued, setIssued] = useState<number>(present);
  const totals = roundTotals(piles, candidateIds, round.seats, issued);
  const change = (index: number, next: Partial<PaperPile>) =>
    setPiles((current) => current.map((pile, i) => (i === index ? { ...pile, ...next } : pile)));
  const label = RACE_LABELS[race];
  return (
    <Form<{ occurredAt: dayjs.Dayjs }>
      name={`ballots-${race}`}
      layout="vertical"
      className="ballot-entry"
      initialValues={{ occurredAt: dayjs(asOf) }}
      onFinish={(values) =>
        void submit({ race, issued, ballots: ballotPapers(piles), occurredAt: day(values.occurredAt) })
      }
    >
      {contextHolder}
      <Typography.Title level={5}>
        第 {round.roundNo} 轮{round.kind === 'supplementary' ? '另行选举' : round.kind === 'runoff' ? '再次投票' : ''}
        选票录入（{label}，应选 {round.seats} 名）
      </Typography.Title>
      <Form.Item
        label="发出选票（张）"
        htmlFor={`issued-${race}`}
        extra={`实到会有选举权的党员 ${present} 名，每人一张。`}
      >
        <InputNumber
          id={`issued-${race}`}
          min={0}
          max={10000}
          precision={0}
          value={issued}
          onChange={(value) => setIssued(value ?? 0)}
        />
      </Form.Item>
      <Table<PaperPile>
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={piles}
        className="pile-table"
        columns={[
          {
            title: '同样填写的选票（张）',
            width: 150,
            render: (_, pile, index) => (
              <InputNumber
                aria-label={`第${index + 1}类选票张数`}
                min={0}
                max={10000}
                precision={0}
                value={pile.count}
                onChange={(value) => change(index, { count: value ?? 0 })}
              />
            ),
          },
          ...round.candidates.map((candidate) => ({
            title: candidate.name,
            key: candidate.personId,
            render: (_: unknown, pile: PaperPile, index: number) => (
              <Radio.Group
                aria-label={`第${index + 1}类选票对${candidate.name}的填写`}
                size="small"
                optionType="button"
                buttonStyle="solid"
                disabled={pile.spoiled}
                options={MARK_OPTIONS}
                value={pile.marks[candidate.personId] ?? 'abstain'}
                onChange={(event) =>
                  change(index, { marks: { ...pile.marks, [candidate.personId]: event.target.value as Mark } })
                }
              />
            ),
          })),
          {
            title: '无法辨认',
            width: 96,
            render: (_, pile, index) => (
              <Checkbox checked={pile.spoiled} onChange={(event) => change(index, { spoiled: event.target.checked })}>
                废票
              </Checkbox>
            ),
          },
          {
            title: '',
            width: 64,
            render: (_, _pile, index) =>
              piles.length > 1 ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setPiles((current) => current.filter((_, i) => i !== index))}
                >
                  删除
                </Button>
              ) : null,
          },
        ]}
      />
      <Button
        size="small"
        className="add-pile"
        onClick={() => setPiles((current) => [...current, emptyPile(candidateIds)])}
      >
        添加一类选票
      </Button>
      <div className="ballot-totals" aria-live="polite">
        <Typography.Text strong>
          发出 {totals.issued} 张，收回 {totals.returned} 张，有效 {totals.valid} 张，无效 {totals.invalid} 张
          {totals.tooManyNames ? `（其中多选 ${totals.tooManyNames} 张）` : ''}
        </Typography.Text>
        <Typography.Text>
          {round.candidates
            .map((candidate) => {
              const votes = totals.candidates.find((entry) => entry.personId === candidate.personId);
              return `${candidate.name} 赞成 ${votes?.for ?? 0}、反对 ${votes?.against ?? 0}、弃权 ${votes?.abstain ?? 0}`;
            })
            .join('；')}
        </Typography.Text>
      </div>
      {totals.overIssued ? (
        <Alert
          type="error"
          showIcon
          message={`收回选票 ${totals.returned} 张，多于发出的 ${totals.issued} 张`}
          description="收回选票多于发出选票，本轮选举无效，须重新投票。提交后本轮记为无效。"
        />
      ) : totals.returned < totals.issued ? (
        <Alert type="info" showIcon message={`还有 ${totals.issued - totals.returned} 张选票未录入或未收回。`} />
      ) : (
        <Alert type="success" showIcon message="收回选票数与发出选票数一致。" />
      )}
      <Space align="start">{occurredAtField}</Space>
      <CommandButton
        command="RecordBallots"
        pending={pending}
        label={totals.overIssued ? '记录本轮无效' : '提交本轮选票'}
      />
    </Form>
  );
}
