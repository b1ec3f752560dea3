import { Alert, Card, Descriptions, Select, Space, Table } from 'antd';
import { formatDate } from '../../format/dates';
import { KIND_LABELS } from './labels';
import { branchesOf, type OrganisationTree } from '../org/org-tree';
import { MovesTable, type MemberFacts } from './MovesTable';
import type { Choice, Move, PlannedBranch, RollRow } from './plan';

/** The names a preview shows: branches as they stand, and those the restructuring will set up. */
export function branchNamesOf(tree: OrganisationTree, planned: readonly PlannedBranch[]): (id: string) => string {
  const names = new Map(branchesOf(tree).map(({ branch }) => [branch.branchId, branch.name]));
  for (const branch of planned) names.set(branch.branchId, `${branch.name.trim()}（新设）`);
  return (id) => names.get(id) ?? '（名称不详）';
}

export function membersOfRolls(rolls: ReadonlyMap<string, readonly RollRow[]>): Map<string, MemberFacts> {
  return new Map([...rolls.values()].flat().map((m) => [m.memberId, { name: m.name, membership: m.membership }]));
}

/**
 * The wizard's second step: every member of the branches chosen and where they go, before
 * anything is recorded; for a redraw the clerk picks each member's branch here. Below, each
 * receiving branch's members before and after.
 */
export function MovePreview({
  choice,
  moves,
  rolls,
  tree,
  planned,
  reason,
  proposedOn,
  onAssign,
}: {
  reason: string;
  proposedOn: string;
  choice: Choice;
  moves: readonly Move[];
  rolls: ReadonlyMap<string, readonly RollRow[]>;
  tree: OrganisationTree;
  planned: readonly PlannedBranch[];
  onAssign: (memberId: string, toBranchId: string) => void;
}) {
  const nameOf = branchNamesOf(tree, planned);
  const members = membersOfRolls(rolls);
  const closes = choice.kind === 'merge' ? choice.sources.length : choice.kind === 'dissolution' ? 1 : 0;
  const established = new Set(moves.map((m) => m.toBranchId).filter((id) => planned.some((b) => b.branchId === id)));

  // A redraw lists every member of the branches chosen, each with a choice (staying is one).
  const rows: Move[] =
    choice.kind === 'redraw'
      ? choice.sources.flatMap((from) =>
          (rolls.get(from) ?? []).map((m) => ({
            memberId: m.memberId,
            fromBranchId: from,
            toBranchId: choice.assignments[m.memberId] ?? from,
          })),
        )
      : [...moves];
  const destinationOptions = (from: string) => [
    { value: from, label: '留在原党支部' },
    ...branchesOf(tree)
      .filter(({ branch }) => branch.branchId !== from)
      .map(({ branch }) => ({ value: branch.branchId, label: branch.name })),
    ...planned.filter((b) => b.name.trim() !== '').map((b) => ({ value: b.branchId, label: nameOf(b.branchId) })),
  ];

  return (
    <Space direction="vertical" size="middle" className="screen">
      <ChoiceSummary choice={choice} nameOf={nameOf} reason={reason} proposedOn={proposedOn} />
      <Alert
        type={moves.length === 0 ? 'warning' : 'info'}
        showIcon
        message={
          moves.length === 0
            ? '按所选方案，没有党员需要转接。'
            : `共 ${moves.length} 名党员将转接组织关系${closes > 0 ? `，撤销 ${closes} 个党支部` : ''}${
                established.size > 0 ? `，新设 ${established.size} 个党支部` : ''
              }。`
        }
        description="提出方案只记录方案本身；经批准并开始执行后，才逐一转接党员组织关系。执行时以当时的花名册为准，确保每名党员都有所属党支部。"
      />
      <Card size="small" title="党员转接预览">
        <MovesTable
          moves={rows}
          members={members}
          branchName={nameOf}
          destination={
            choice.kind === 'redraw'
              ? (move) => (
                  <Select
                    size="small"
                    aria-label={`${members.get(move.memberId)?.name ?? ''}转入的党支部`}
                    style={{ width: 260 }}
                    value={move.toBranchId}
                    onChange={(to: string) => onAssign(move.memberId, to)}
                    options={destinationOptions(move.fromBranchId)}
                  />
                )
              : undefined
          }
        />
      </Card>
      <Card size="small" title="转入党支部的党员人数">
        <ReceivingBranches moves={moves} members={members} tree={tree} nameOf={nameOf} />
      </Card>
    </Space>
  );
}

/** What was chosen in the first step, read back before it is proposed. */
function ChoiceSummary({
  choice,
  nameOf,
  reason,
  proposedOn,
}: {
  choice: Choice;
  nameOf: (id: string) => string;
  reason: string;
  proposedOn: string;
}) {
  const names = (ids: readonly string[]) => ids.map(nameOf).join('、');
  return (
    <Card size="small" title={`${KIND_LABELS[choice.kind]}方案`}>
      <Descriptions size="small" column={2}>
        {choice.kind === 'merge' ? (
          <>
            <Descriptions.Item label="被合并的党支部">{names(choice.sources)}</Descriptions.Item>
            <Descriptions.Item label="并入">{nameOf(choice.target.branchId)}</Descriptions.Item>
          </>
        ) : null}
        {choice.kind === 'dissolution' ? (
          <>
            <Descriptions.Item label="撤销的党支部">{nameOf(choice.branchId)}</Descriptions.Item>
            <Descriptions.Item label="党员转入">{nameOf(choice.destinationBranchId)}</Descriptions.Item>
          </>
        ) : null}
        {choice.kind === 'redraw' ? (
          <Descriptions.Item label="涉及的党支部" span={2}>
            {names(choice.sources)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="调整事由">{reason.trim()}</Descriptions.Item>
        <Descriptions.Item label="提出日期">{formatDate(proposedOn)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

interface Receiving {
  readonly branchId: string;
  readonly full: number;
  readonly probationary: number;
  readonly inFull: number;
  readonly inProbationary: number;
}

function ReceivingBranches({
  moves,
  members,
  tree,
  nameOf,
}: {
  moves: readonly Move[];
  members: ReadonlyMap<string, MemberFacts>;
  tree: OrganisationTree;
  nameOf: (id: string) => string;
}) {
  const counts = new Map(branchesOf(tree).map(({ branch }) => [branch.branchId, branch.members]));
  const rows = new Map<string, Receiving>();
  for (const move of moves) {
    const now = counts.get(move.toBranchId) ?? { full: 0, probationary: 0 };
    const row = rows.get(move.toBranchId) ?? { branchId: move.toBranchId, ...now, inFull: 0, inProbationary: 0 };
    const full = members.get(move.memberId)?.membership !== 'probationary';
    rows.set(move.toBranchId, {
      ...row,
      inFull: row.inFull + (full ? 1 : 0),
      inProbationary: row.inProbationary + (full ? 0 : 1),
    });
  }
  return (
    <Table<Receiving>
      size="small"
      rowKey="branchId"
      pagination={false}
      dataSource={[...rows.values()]}
      locale={{ emptyText: '没有转入的党支部' }}
      footer={() => '执行后，系统按现行规则重新核定各党支部的设置情况（是否应设支部委员会等）。'}
      columns={[
        { title: '党支部', render: (_, row) => nameOf(row.branchId) },
        { title: '现有正式党员', render: (_, row) => `${row.full} 人` },
        { title: '现有预备党员', render: (_, row) => `${row.probationary} 人` },
        { title: '转入', render: (_, row) => `${row.inFull + row.inProbationary} 人` },
        { title: '转接后正式党员', render: (_, row) => `${row.full + row.inFull} 人` },
        { title: '转接后预备党员', render: (_, row) => `${row.probationary + row.inProbationary} 人` },
      ]}
    />
  );
}
