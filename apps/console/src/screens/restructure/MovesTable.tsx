import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { MEMBERSHIP_LABELS } from '../../format/status-labels';
import type { Move } from './plan';

export interface MemberFacts {
  readonly name: string;
  readonly membership?: 'full' | 'probationary';
}

/**
 * Every member's move: who, from which branch, to which. `destination` replaces the 转入 cell
 * (a redraw's choice per member); `progress` adds whether the move has been carried out.
 */
export function MovesTable({
  moves,
  members,
  branchName,
  destination,
  moved,
}: {
  moves: readonly Move[];
  members: ReadonlyMap<string, MemberFacts>;
  branchName: (branchId: string) => string;
  destination?: (move: Move) => ReactNode;
  moved?: ReadonlySet<string>;
}) {
  const rows = [...moves];
  return (
    <Table<Move>
      size="small"
      rowKey="memberId"
      dataSource={rows}
      pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      locale={{ emptyText: '没有需要转接的党员' }}
      columns={[
        { title: '序号', width: 64, render: (_, __, index) => index + 1 },
        { title: '姓名', render: (_, move) => members.get(move.memberId)?.name ?? '（姓名不详）' },
        {
          title: '党员类别',
          render: (_, move) => {
            const membership = members.get(move.memberId)?.membership;
            return membership ? MEMBERSHIP_LABELS[membership] : '—';
          },
        },
        { title: '原党支部', render: (_, move) => (move.fromBranchId ? branchName(move.fromBranchId) : '—') },
        {
          title: '转入党支部',
          render: (_, move) => (destination ? destination(move) : branchName(move.toBranchId)),
        },
        ...(moved
          ? [
              {
                title: '转接情况',
                width: 110,
                render: (_: unknown, move: Move) =>
                  moved.has(move.memberId) ? <Tag color="green">已转接</Tag> : <Tag>待转接</Tag>,
              },
            ]
          : []),
      ]}
    />
  );
}
