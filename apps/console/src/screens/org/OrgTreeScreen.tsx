import { Card, DatePicker, Empty, Form, Skeleton, Space, Statistic, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { navigate, queryOf, useRoute } from '../../app/router';
import { formatDate, today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import {
  COMMITTEE_KIND_LABELS,
  orderedPosts,
  POST_LABELS,
  type OrganisationTree,
  type TreeBranch,
  type TreeCommittee,
} from './org-tree';

type Loaded = { asOf: string; tree: OrganisationTree } | { asOf: string; error: unknown };

/**
 * 组织架构: the committees, their open branches, members and posts held, as they stood on any
 * date (GET /org/tree?asOf=). The date is part of the address, so a view can be shared.
 */
export default function OrgTreeScreen() {
  const route = useRoute();
  const asOf = validDate(queryOf(route).get('asOf')) ?? today();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    answer(api.GET('/org/tree', { params: { query: { asOf } } })).then(
      ({ data }) => current && setLoaded({ asOf, tree: data as unknown as OrganisationTree }),
      (error: unknown) => current && setLoaded({ asOf, error }),
    );
    return () => {
      current = false;
    };
  }, [asOf, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const pick = (date: Dayjs | null) => navigate(`/org${date ? `?asOf=${date.format('YYYY-MM-DD')}` : ''}`);
  const showing = loaded?.asOf === asOf ? loaded : null;

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
      {!showing ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in showing ? (
        <ProblemAlert error={showing.error} onReload={reload} />
      ) : (
        <TreeView tree={showing.tree} />
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
    <>
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
    </>
  );
}

function committeeNode(committee: TreeCommittee): DataNode {
  return {
    key: committee.committeeId,
    title: (
      <span>
        <Typography.Text strong>{committee.name}</Typography.Text>{' '}
        <Tag>{COMMITTEE_KIND_LABELS[committee.kind] ?? committee.kind}</Tag>
        <Typography.Text type="secondary">{committee.branches.length} 个党支部</Typography.Text>
      </span>
    ),
    children: [...committee.committees.map(committeeNode), ...committee.branches.map(branchNode)],
  };
}

function branchNode(branch: TreeBranch): DataNode {
  const posts = orderedPosts(branch.posts);
  return {
    key: branch.branchId,
    isLeaf: true,
    title: (
      <span className="org-branch">
        <Typography.Text>{branch.name}</Typography.Text>
        {branch.joint ? <Tag color="purple">联合党支部</Tag> : null}
        <Typography.Text type="secondary">
          正式党员 {branch.members.full} 人
          {branch.members.probationary > 0 ? `，预备党员 ${branch.members.probationary} 人` : ''}
        </Typography.Text>
        {posts.map((post) => (
          <Tag key={post.postId} bordered={false}>
            {post.duty ?? POST_LABELS[post.kind] ?? post.kind}：{post.holder.name}
          </Tag>
        ))}
        {branch.shape?.belowMinimum ? <Tag color="red">正式党员不足</Tag> : null}
        {branch.shape?.electionRequired ? <Tag color="orange">需选举支委会</Tag> : null}
        {branch.shape?.overSize ? <Tag color="gold">人数偏多</Tag> : null}
      </span>
    ),
  };
}

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
}
