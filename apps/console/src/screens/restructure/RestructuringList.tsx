import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useSyncExternalStore } from 'react';
import { useLoad } from '../../api/use-load';
import { navigate } from '../../app/router';
import { currentSession, subscribeSession } from '../../auth/session';
import { formatDate } from '../../format/dates';
import { RESTRUCTURING_STATUS_LABELS } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { KIND_LABELS } from './labels';
import { restructuringList, type RestructuringListItem } from './restructure-data';

const STATUS_COLORS: Readonly<Record<RestructuringListItem['status'], string>> = {
  proposed: 'gold',
  approved: 'blue',
  executing: 'processing',
  completed: 'green',
  abandoned: 'default',
};

/** 调整: every restructuring, newest proposal first; an administrator starts a new one here. */
export function RestructuringList() {
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const { loaded, reload } = useLoad(useCallback(() => restructuringList(), []));
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Space className="wizard-toolbar">
        {session?.role === 'admin' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/restructurings/new')}>
            新建调整
          </Button>
        ) : null}
        <Typography.Text type="secondary">党支部的合并、区域调整和撤销：提出方案、上级批准、执行转接。</Typography.Text>
      </Space>
      {!loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={reload} />
      ) : (
        <Card size="small" title={`组织调整（${loaded.data.length}）`}>
          <Table<RestructuringListItem>
            size="small"
            rowKey="restructuringId"
            dataSource={loaded.data}
            pagination={loaded.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: '尚无组织调整' }}
            columns={[
              { title: '提出日期', width: 140, render: (_, r) => formatDate(r.proposedOn) },
              { title: '调整方式', width: 100, render: (_, r) => KIND_LABELS[r.kind] },
              {
                title: '调整事由',
                render: (_, r) => <RouteLink to={`/restructurings/${r.restructuringId}`}>{r.reason}</RouteLink>,
              },
              {
                title: '状态',
                width: 140,
                render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{RESTRUCTURING_STATUS_LABELS[r.status]}</Tag>,
              },
              { title: '状态日期', width: 140, render: (_, r) => formatDate(r.statusSince) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
