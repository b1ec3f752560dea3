import { Card, Empty, Form, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { components } from '../../api/schema';
import { useLoad } from '../../api/use-load';
import { navigate } from '../../app/router';
import { formatDate } from '../../format/dates';
import {
  affiliationChangeLabel,
  MEMBERSHIP_LABELS,
  POST_KIND_LABELS,
  POST_SOURCE_LABELS,
  postEndLabel,
} from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { allBranches, allMembers, branchNames } from './audit-data';
import { auditRoute } from './audit-filters';

type Affiliation = components['schemas']['AffiliationDto'];
type PostHeld = components['schemas']['PostHeldDto'];

/**
 * 党员历史: find a member by name, then their affiliations over time (admission, transfers,
 * confirmation, suspension, departure) and the posts they held (GET /org/members/{id}/history).
 */
export function MemberHistory({ memberId }: { memberId: string | null }) {
  const members = useLoad(useCallback(() => allMembers(), []));
  const options =
    members.loaded && 'data' in members.loaded
      ? members.loaded.data.map((m) => ({
          value: m.memberId,
          label: `${m.name}（${m.branchName ?? '未知党支部'}${m.status === 'left' ? '，已离册' : ''}）`,
        }))
      : [];
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Form layout="inline">
        <Form.Item label="查找党员" htmlFor="member-search">
          <Select
            id="member-search"
            showSearch
            optionFilterProp="label"
            placeholder="输入姓名"
            style={{ width: 320 }}
            loading={!members.loaded}
            value={memberId ?? undefined}
            options={options}
            onChange={(id: string) => navigate(`/audit/members/${id}`)}
          />
        </Form.Item>
      </Form>
      {members.loaded && 'error' in members.loaded ? (
        <ProblemAlert error={members.loaded.error} onReload={members.reload} />
      ) : null}
      {memberId ? (
        <History memberId={memberId} />
      ) : (
        <Card size="small">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="输入姓名查找党员，查看其组织关系和任职的全部历史。"
          />
        </Card>
      )}
    </Space>
  );
}

function History({ memberId }: { memberId: string }) {
  const history = useLoad(
    useCallback(async () => {
      const { data } = await answer(api.GET('/org/members/{memberId}/history', { params: { path: { memberId } } }));
      return data;
    }, [memberId]),
  );
  const branches = useLoad(useCallback(() => allBranches().then(branchNames), []));
  const names = branches.loaded && 'data' in branches.loaded ? branches.loaded.data : new Map<string, string>();
  const branch = (id: string | null) => (id === null ? '—' : (names.get(id) ?? id));

  if (!history.loaded) {
    return (
      <Card size="small">
        <Skeleton active />
      </Card>
    );
  }
  if ('error' in history.loaded) return <ProblemAlert error={history.loaded.error} onReload={history.reload} />;
  const { name, affiliations, posts } = history.loaded.data;
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card
        size="small"
        title={`${name}：组织关系`}
        extra={<RouteLink to={auditRoute({ memberId })}>查看该党员的全部操作记录</RouteLink>}
      >
        <Table<Affiliation>
          size="small"
          rowKey="fromPosition"
          pagination={false}
          dataSource={[...affiliations]}
          columns={[
            { title: '起始日期', dataIndex: 'validFrom', width: 130, render: (day: string) => formatDate(day) },
            {
              title: '截止日期',
              dataIndex: 'validTo',
              width: 130,
              render: (day: string | null) => (day === null ? '至今' : formatDate(day)),
            },
            { title: '所在党支部', dataIndex: 'branchId', render: (id: string) => branch(id) },
            {
              title: '类别',
              dataIndex: 'membership',
              width: 100,
              render: (membership: Affiliation['membership']) => MEMBERSHIP_LABELS[membership],
            },
            {
              title: '表决权',
              dataIndex: 'votingSuspended',
              width: 80,
              render: (suspended: boolean) => (suspended ? <Tag color="red">中止</Tag> : '正常'),
            },
            {
              title: '因何开始',
              key: 'change',
              render: (_: unknown, row: Affiliation) => (
                <>
                  {affiliationChangeLabel(row.change)}
                  {row.previousBranchId ? (
                    <Typography.Text type="secondary">（自{branch(row.previousBranchId)}）</Typography.Text>
                  ) : null}
                  {row.restructuringId ? (
                    <>
                      {' '}
                      <RouteLink to={`/restructurings/${row.restructuringId}`}>组织调整</RouteLink>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              title: '因何结束',
              dataIndex: 'endReason',
              width: 130,
              render: (reason: string | null) => affiliationChangeLabel(reason),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${name}：任职`}>
        <Table<PostHeld>
          size="small"
          rowKey="postId"
          pagination={false}
          dataSource={[...posts]}
          locale={{ emptyText: '未担任过职务' }}
          columns={[
            { title: '任职日期', dataIndex: 'validFrom', width: 130, render: (day: string) => formatDate(day) },
            {
              title: '离任日期',
              dataIndex: 'validTo',
              width: 130,
              render: (day: string | null) => (day === null ? '在任' : formatDate(day)),
            },
            { title: '党支部', dataIndex: 'branchId', render: (id: string) => branch(id) },
            {
              title: '职务',
              dataIndex: 'kind',
              width: 100,
              render: (kind: PostHeld['kind']) => POST_KIND_LABELS[kind],
            },
            {
              title: '产生方式',
              dataIndex: 'source',
              width: 100,
              render: (source: PostHeld['source']) => POST_SOURCE_LABELS[source],
            },
            {
              title: '离任原因',
              dataIndex: 'endReason',
              width: 120,
              render: (reason: string | null) => postEndLabel(reason),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
