import { Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useLoad } from '../../api/use-load';
import { formatDate, formatDateTime } from '../../format/dates';
import { eventTypeLabel } from '../../format/event-types';
import { actorName, actorRoleLabel } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { allBranches, auditEvent, branchNames, GENESIS_HASH, previousInStream, type AuditEvent } from './audit-data';
import { auditRoute } from './audit-filters';

/**
 * One event in full (GET /audit/events/{id}): what happened, who recorded it under which rule
 * version, its place in its stream, its hash and the hash it links to, and its data as recorded.
 */
export function AuditEventDetail({ eventId }: { eventId: string }) {
  const event = useLoad(useCallback(() => auditEvent(eventId), [eventId]));
  const branches = useLoad(useCallback(() => allBranches().then(branchNames), []));
  const names = branches.loaded && 'data' in branches.loaded ? branches.loaded.data : new Map<string, string>();

  if (!event.loaded) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if ('error' in event.loaded) return <ProblemAlert error={event.loaded.error} onReload={event.reload} />;
  const e = event.loaded.data;
  return (
    <Space direction="vertical" size="middle" className="screen audit-event">
      <RouteLink to="/audit">← 返回操作记录</RouteLink>
      <Card size="small" title={<EventTitle event={e} />}>
        <Descriptions
          size="small"
          bordered
          column={2}
          styles={{ label: { width: 120 } }}
          items={[
            { key: 'description', label: '说明', span: 2, children: e.descriptionZh },
            { key: 'occurredOn', label: '业务日期', children: formatDate(e.occurredOn) },
            { key: 'recordedAt', label: '记录时间', children: formatDateTime(e.recordedAt) },
            {
              key: 'actor',
              label: '操作人',
              children: `${actorName(e.actorId, e.actorName)}（${actorRoleLabel(e.actorRole)}，账号 ${e.actorId}）`,
            },
            { key: 'policy', label: '规则版本', children: e.policyVersion ?? '—' },
            {
              key: 'branches',
              label: '涉及党支部',
              span: 2,
              children:
                e.branchIds.length === 0
                  ? '—'
                  : e.branchIds.map((id) => (
                      <RouteLink key={id} to={auditRoute({ branchId: id })} className="detail-link">
                        {names.get(id) ?? id}
                      </RouteLink>
                    )),
            },
            ...(e.memberId
              ? [
                  {
                    key: 'member',
                    label: '党员',
                    span: 2,
                    children: <RouteLink to={`/audit/members/${e.memberId}`}>查看该党员的组织关系历史</RouteLink>,
                  },
                ]
              : []),
            ...(e.restructuringId
              ? [
                  {
                    key: 'restructuring',
                    label: '组织调整',
                    span: 2,
                    children: <RouteLink to={`/restructurings/${e.restructuringId}`}>查看这项组织调整</RouteLink>,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title="记录与哈希链">
        <Descriptions
          size="small"
          bordered
          column={2}
          styles={{ label: { width: 120 } }}
          items={[
            {
              key: 'stream',
              label: '记录流',
              span: 2,
              children: (
                <RouteLink to={auditRoute({ stream: e.stream })} className="mono">
                  {e.stream}
                </RouteLink>
              ),
            },
            { key: 'revision', label: '流内版本', children: `第 ${e.revision} 版` },
            { key: 'position', label: '全局位置', children: `第 ${e.position} 条` },
            {
              key: 'eventId',
              label: '事件编号',
              children: (
                <Typography.Text copyable className="mono">
                  {e.eventId}
                </Typography.Text>
              ),
            },
            { key: 'schemaVersion', label: '数据格式版本', children: e.schemaVersion },
            { key: 'commandId', label: '命令编号', children: <span className="mono">{e.commandId}</span> },
            { key: 'correlationId', label: '关联编号', children: <span className="mono">{e.correlationId}</span> },
            { key: 'causationId', label: '起因编号', span: 2, children: <span className="mono">{e.causationId}</span> },
            {
              key: 'hash',
              label: '本事件哈希',
              span: 2,
              children: (
                <Typography.Text copyable className="mono hash">
                  {e.hash}
                </Typography.Text>
              ),
            },
            { key: 'prevHash', label: '前一事件哈希', span: 2, children: <PreviousHash event={e} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" className="hash-note">
          本事件哈希按前一事件的哈希和本事件的全部内容（编号、记录流、版本、类型、数据和元数据）以 SHA-256
          计算；任何一处被改动，“审计 → 核验与摘要”中的核验都会指出。
        </Typography.Paragraph>
      </Card>

      <Card size="small" title="事件数据（原样）">
        <pre className="event-data">{JSON.stringify(e.data, null, 2)}</pre>
      </Card>
    </Space>
  );
}

function EventTitle({ event }: { event: AuditEvent }) {
  return (
    <Space>
      <span>{eventTypeLabel(event.type)}</span>
      <Tag bordered={false} className="mono">
        {event.type}
      </Tag>
    </Space>
  );
}

/** The hash this event links to: the stored hash of the event before it in its stream. */
function PreviousHash({ event }: { event: AuditEvent }) {
  const previous = useLoad(useCallback(() => previousInStream(event), [event]));
  if (event.revision === 0) {
    return (
      <Space direction="vertical" size={0}>
        <Typography.Text className="mono hash">{GENESIS_HASH}</Typography.Text>
        <Typography.Text type="secondary">本事件是该记录流的第一条，链接到全零的起始哈希。</Typography.Text>
      </Space>
    );
  }
  if (!previous.loaded) return <Skeleton.Input active size="small" block />;
  if ('error' in previous.loaded) return <ProblemAlert error={previous.loaded.error} onReload={previous.reload} />;
  const before = previous.loaded.data;
  if (!before) return <Typography.Text type="danger">找不到该记录流第 {event.revision - 1} 版的事件。</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text copyable className="mono hash">
        {before.hash}
      </Typography.Text>
      <Typography.Text type="secondary">
        即第 {before.revision} 版事件
        <RouteLink to={`/audit/events/${before.eventId}`}>
          「{eventTypeLabel(before.type)}」（{formatDate(before.occurredOn)}）
        </RouteLink>
        的哈希。
      </Typography.Text>
    </Space>
  );
}
