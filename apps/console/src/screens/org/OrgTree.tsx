import { Card, DatePicker, Empty, Form, Skeleton, Space, Statistic, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { useLoad } from '../../api/use-load';
import { navigate, queryOf, useRoute } from '../../app/router';
import { formatDate, today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import {
  COMMITTEE_KIND_LABELS,
  orderedPosts,
  POST_LABELS,
  shapeFlags,
  validDate,
  type OrganisationTree,
  type TreeBranch,
  type TreeCommittee,
} from './org-tree';

/** The committees, their open branches, members and posts held, as they stood on a date (GET /org/tree?asOf=). */
export function OrgTree() {
  const route = useRoute();
  const asOf = validDate(queryOf(route).get('asOf')) ?? today();
  const { loaded, reload } = useLoad(
    useCallback(async () => (await answer(api.GET('/org/tree', { params: { query: { asOf } } }))).data, [asOf]),
  );
  const pick = (date: Dayjs | null) => navigate(`/org${date ? `?asOf=${date.format('YYYY-MM-DD')}` : ''}`);

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Form layout="inline" className="screen-filters">
        <Form.Item label="查询日期" htmlFor="org-as-of">
          <DatePicker
            id="org-as-of"
            value={dayjs(asOf)}
            onChange={pick}
            allowClear={false}
            format="YYYY年M月D日"
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Typography.Text type="secondary">显示截至所选日期当天结束时的组织架构。</Typography.Text>
      </Form>
      {!loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={reload} />
      ) : (
        <TreeView tree={loaded.data} />
      )}
    </Space>
  );
}

function TreeView({ tree }: { tree: OrganisationTree }) {
  const nodes = [
    ...tree.committees.map(committeeNode),
    ...(tree.unattachedBranches.length > 0
      ? [
          {
            key: 'unattached',
            title: <Typography.Text type="danger">未隶属任何在册党委的党支部</Typography.Text>,
            children: tree.unattachedBranches.map(branchNode),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card size="small">
        <Space size={48} wrap>
          <Statistic title="党支部" value={tree.totals.branches} suffix="个" />
          <Statistic title="正式党员" value={tree.totals.full} suffix="人" />
          <Statistic title="预备党员" value={tree.totals.probationary} suffix="人" />
          <Statistic title="截至" value={formatDate(tree.asOf)} />
          <Statistic title="适用规则版本" value={tree.policyVersion ?? '无'} />
        </Space>
      </Card>
      <Card size="small" title="组织架构" className="org-tree-card">
        {nodes.length === 0 ? (
          <Empty description={`${formatDate(tree.asOf)}尚无在册的党组织`} />
        ) : (
          <Tree
            treeData={nodes}
            defaultExpandedKeys={tree.committees.map((c) => c.committeeId)}
            selectable={false}
            showLine
            blockNode
          />
        )}
      </Card>
    </Space>
  );
}

function committeeNode(committee: TreeCommittee): DataNode {
  return {
    key: committee.committeeId,
    title: (
      <span>
        <Typography.Text strong>{committee.name}</Typography.Text> <Tag>{COMMITTEE_KIND_LABELS[committee.kind]}</Tag>
        <Typography.Text type="secondary">{committee.branches.length} 个党支部</Typography.Text>
      </span>
    ),
    children: [...committee.committees.map(committeeNode), ...committee.branches.map(branchNode)],
  };
}

function branchNode(branch: TreeBranch): DataNode {
  return {
    key: branch.branchId,
    isLeaf: true,
    title: (
      <span className="org-branch">
        <RouteLink to={`/org/branches/${branch.branchId}`}>{branch.name}</RouteLink>
        {branch.joint ? <Tag color="purple">联合党支部</Tag> : null}
        <Typography.Text type="secondary">
          正式党员 {branch.members.full} 人
          {branch.members.probationary > 0 ? `，预备党员 ${branch.members.probationary} 人` : ''}
        </Typography.Text>
        {orderedPosts(branch.posts).map((post) => (
          <Tag key={post.postId} bordered={false}>
            {post.duty ?? POST_LABELS[post.kind]}：{post.holder.name}
          </Tag>
        ))}
        {shapeFlags(branch.shape).map((flag) => (
          <Tag key={flag.label} color={flag.color}>
            {flag.label}
          </Tag>
        ))}
      </span>
    ),
  };
}
