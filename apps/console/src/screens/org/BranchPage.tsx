import { Alert, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../format/dates';
import {
  ELECTION_STATUS_LABELS,
  electionStatusColor,
  MEMBERSHIP_LABELS,
  POST_KIND_LABELS,
  POST_SOURCE_LABELS,
  postEndLabel,
} from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import {
  branchPageData,
  MANAGEMENT_LINK_LABELS,
  type BranchElection,
  type BranchPageData,
  type RollRow,
} from './branch-page';
import { orderedPosts, shapeFlags } from './org-tree';

/**
 * One branch as it stands: where it belongs and who co-manages it (一方隶属、多方管理), its posts,
 * its roll (花名册), its shape judged today, and its elections, each linking to its own screen.
 */
export function BranchPage({ branchId }: { branchId: string }) {
  const { loaded, reload } = useLoad(useCallback(() => branchPageData(branchId), [branchId]));
  return (
    <Space direction="vertical" size="middle" className="screen">
      <RouteLink to="/org">← 返回组织架构</RouteLink>
      {!loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={reload} />
      ) : (
        <BranchView data={loaded.data} />
      )}
    </Space>
  );
}

function BranchView({ data }: { data: BranchPageData }) {
  const { branch, committeeName, roll, elections } = data;
  const dissolved = branch.status === 'dissolved';
  const flags = shapeFlags(branch.shape);
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card
        size="small"
        title={
          <Space>
            <span>{branch.name}</span>
            {branch.joint ? <Tag color="purple">联合党支部</Tag> : null}
            {dissolved ? <Tag>已撤销</Tag> : <Tag color="green">在册</Tag>}
          </Space>
        }
      >
        <Descriptions size="small" column={2} className="org-branch-facts">
          <Descriptions.Item label="隶属党委">{committeeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="设立日期">{formatDate(branch.establishedAt)}</Descriptions.Item>
          <Descriptions.Item label="党员人数">
            正式党员 {branch.counts.full} 人，预备党员 {branch.counts.probationary} 人
          </Descriptions.Item>
          {dissolved ? (
            <Descriptions.Item label="撤销日期">{formatDate(branch.dissolvedAt)}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="设置情况">
              {branch.shape === null ? (
                '尚无适用的规则版本'
              ) : flags.length === 0 ? (
                <Tag color="green">符合设置要求</Tag>
              ) : (
                flags.map((flag) => (
                  <Tag key={flag.label} color={flag.color}>
                    {flag.label}
                  </Tag>
                ))
              )}
              {branch.shape?.committeeRequired && !branch.shape.electionRequired ? <Tag>设支部委员会</Tag> : null}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="管理关系" span={2}>
            {(branch.managementLinks ?? []).length === 0
              ? '无'
              : (branch.managementLinks ?? []).map((link) => (
                  <Tag key={link.linkId}>
                    {MANAGEMENT_LINK_LABELS[link.kind]}：{link.name}
                  </Tag>
                ))}
          </Descriptions.Item>
          {branch.joint && (branch.jointUnits ?? []).length > 0 ? (
            <Descriptions.Item label="联合单位" span={2}>
              {(branch.jointUnits ?? []).join('、')}
            </Descriptions.Item>
          ) : null}
          {branch.restructuringId ? (
            <Descriptions.Item label="设立依据" span={2}>
              <RouteLink to={`/restructurings/${branch.restructuringId}`}>组织调整方案</RouteLink>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {branch.shape?.belowMinimum ? (
          <Alert
            type="warning"
            showIcon
            message="正式党员不足，不能继续单独设立党支部，应进行组织调整。"
            action={<RouteLink to="/restructurings/new">办理调整</RouteLink>}
          />
        ) : null}
      </Card>

      <Card size="small" title={`现任职务（${(branch.posts ?? []).length}）`}>
        <Table
          size="small"
          rowKey="postId"
          pagination={false}
          dataSource={orderedPosts(branch.posts ?? [])}
          locale={{ emptyText: '暂无任职' }}
          columns={[
            { title: '职务', render: (_, post) => post.duty ?? POST_KIND_LABELS[post.kind] },
            { title: '姓名', render: (_, post) => post.holder.name },
            { title: '产生方式', render: (_, post) => POST_SOURCE_LABELS[post.source] },
            { title: '文号', render: (_, post) => post.documentReference ?? '—' },
            { title: '任职日期', render: (_, post) => formatDate(post.startDate) },
          ]}
        />
      </Card>

      <Card size="small" title={`花名册（${roll.length} 人）`}>
        <Table<RollRow>
          size="small"
          rowKey="memberId"
          dataSource={[...roll]}
          pagination={roll.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: '没有在册党员' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '党员类别', render: (_, row) => MEMBERSHIP_LABELS[row.membership] },
            {
              title: '表决权',
              render: (_, row) => (row.votingSuspended ? <Tag color="red">中止</Tag> : '有'),
            },
          ]}
        />
      </Card>

      <Card size="small" title={`换届选举（${elections.length}）`}>
        {elections.length === 0 ? (
          <Empty description="尚未开始换届选举" />
        ) : (
          <Table<BranchElection>
            size="small"
            rowKey="electionId"
            pagination={false}
            dataSource={[...elections]}
            columns={[
              {
                title: '届期',
                render: (_, e) => (
                  <RouteLink to={`/elections/${e.electionId}`}>
                    {e.term
                      ? `${formatDate(e.term.start)}至${formatDate(e.term.end)}`
                      : `${formatDate(e.openedAt)}启动`}
                  </RouteLink>
                ),
              },
              {
                title: '状态',
                render: (_, e) => <Tag color={electionStatusColor(e.status)}>{ELECTION_STATUS_LABELS[e.status]}</Tag>,
              },
              { title: '计划选举日期', render: (_, e) => formatDate(e.plannedDate) },
              { title: '应换届日期', render: (_, e) => formatDate(e.dueDate) },
              { title: '最近办理', render: (_, e) => formatDate(e.lastStepAt) },
            ]}
          />
        )}
      </Card>

      {branch.endedPosts.length > 0 ? (
        <Card size="small" title={`已卸任职务（${branch.endedPosts.length}）`}>
          <Table
            size="small"
            rowKey="postId"
            dataSource={branch.endedPosts}
            pagination={branch.endedPosts.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: '职务', render: (_, post) => post.duty ?? POST_KIND_LABELS[post.kind] },
              { title: '姓名', dataIndex: 'personName' },
              { title: '任职期间', render: (_, post) => `${formatDate(post.startDate)}至${formatDate(post.endDate)}` },
              { title: '卸任原因', render: (_, post) => postEndLabel(post.endReason) },
            ]}
          />
        </Card>
      ) : null}
      <Typography.Text type="secondary">以上为当前情况；历史情况请在组织架构图中选择日期查看。</Typography.Text>
    </Space>
  );
}
