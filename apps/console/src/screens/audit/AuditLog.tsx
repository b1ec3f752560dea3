import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { csvPage, CSV_TYPE, saveFile, wholeCsv } from '../../api/download';
import { api } from '../../api/api';
import { useLoad } from '../../api/use-load';
import { navigate } from '../../app/router';
import { formatDate } from '../../format/dates';
import { eventTypeLabel, EVENT_TYPE_GROUPS } from '../../format/event-types';
import { actorName, actorRoleLabel } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { allBranches, allMembers, auditPage, type AuditEntry, type AuditPage } from './audit-data';
import { auditRoute, eventsQuery, filtersOf, hasFilters, type AuditFilters } from './audit-filters';

const TYPE_OPTIONS = EVENT_TYPE_GROUPS.map((group) => ({
  label: group.label,
  title: group.label,
  options: Object.entries(group.types).map(([value, label]) => ({ value, label })),
}));

/**
 * 操作记录: the audit log (GET /audit/events) filtered by branch, member, actor, event type and
 * business dates, 100 events at a time with 加载更多 (keyset paging); or one stream's history.
 */
export function AuditLog({ search }: { search: string }) {
  const filters = filtersOf(new URLSearchParams(search));
  const first = useLoad(useCallback(() => auditPage(filtersOf(new URLSearchParams(search))), [search]));
  const [more, setMore] = useState<{ search: string; pages: AuditPage[]; error: unknown; loading: boolean } | null>(
    null,
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const mine = more?.search === search ? more : null;

  const shown = first.loaded && 'data' in first.loaded ? [first.loaded.data, ...(mine?.pages ?? [])] : [];
  const items = shown.flatMap((page) => page.items);
  const next = shown.length > 0 ? (shown[shown.length - 1]?.next ?? null) : null;

  const loadMore = () => {
    if (next === null) return;
    const pages = mine?.pages ?? [];
    setMore({ search, pages, error: null, loading: true });
    auditPage(filters, next).then(
      (page) => setMore({ search, pages: [...pages, page], error: null, loading: false }),
      (error: unknown) => setMore({ search, pages, error, loading: false }),
    );
  };

  const change = (changes: Partial<AuditFilters>) => navigate(auditRoute({ ...filters, ...changes }));

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const csv = await wholeCsv((after) =>
        csvPage(
          api.GET('/audit/events', {
            params: {
              query: { ...eventsQuery(filters), format: 'csv', limit: 500, ...(after ? { after: Number(after) } : {}) },
            },
            parseAs: 'text',
          }),
        ),
      );
      saveFile(`操作记录-${dayjs().format('YYYYMMDD')}.csv`, csv, CSV_TYPE);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Filters filters={filters} onChange={change} />
      {filters.stream ? (
        <Space>
          <Typography.Text>只看记录流</Typography.Text>
          <Tag closable onClose={() => change({ stream: null })} className="mono">
            {filters.stream}
          </Tag>
          <Typography.Text type="secondary">按版本顺序列出它的全部事件，其他筛选条件此时不起作用。</Typography.Text>
        </Space>
      ) : null}
      {exportError ? <ProblemAlert error={exportError} /> : null}
      <Card
        size="small"
        title={
          first.loaded && 'data' in first.loaded
            ? `共显示 ${items.length} 条${next !== null ? '（还有更多）' : ''}`
            : '操作记录'
        }
        extra={
          <Space>
            {hasFilters(filters) ? <Button onClick={() => navigate('/audit')}>清除筛选</Button> : null}
            {!filters.stream ? (
              <Button onClick={() => void exportCsv()} loading={exporting}>
                导出 CSV
              </Button>
            ) : null}
          </Space>
        }
      >
        {first.loaded && 'error' in first.loaded ? (
          <ProblemAlert error={first.loaded.error} onReload={first.reload} />
        ) : (
          <>
            <Table<AuditEntry>
              size="small"
              rowKey="eventId"
              loading={!first.loaded}
              dataSource={items}
              pagination={false}
              locale={{ emptyText: '没有符合条件的记录' }}
              columns={[
                {
                  title: '业务日期',
                  dataIndex: 'occurredOn',
                  width: 128,
                  render: (day: string) => formatDate(day),
                },
                {
                  title: '事件',
                  dataIndex: 'type',
                  width: 168,
                  render: (type: string) => (
                    <Tag bordered={false} title={type}>
                      {eventTypeLabel(type)}
                    </Tag>
                  ),
                },
                { title: '说明', dataIndex: 'descriptionZh' },
                {
                  title: '操作人',
                  key: 'actor',
                  width: 150,
                  render: (_: unknown, entry: AuditEntry) => (
                    <Tooltip title={`只看 ${actorName(entry.actorId, entry.actorName)} 的记录`}>
                      <Button
                        type="link"
                        size="small"
                        className="actor"
                        onClick={() => change({ actorId: entry.actorId, stream: null })}
                      >
                        {actorName(entry.actorId, entry.actorName)}
                      </Button>
                      <Typography.Text type="secondary" className="actor-role">
                        {actorRoleLabel(entry.actorRole)}
                      </Typography.Text>
                    </Tooltip>
                  ),
                },
                {
                  title: '规则版本',
                  dataIndex: 'policyVersion',
                  width: 104,
                  render: (version: string | null) => version ?? '—',
                },
                {
                  title: '',
                  key: 'open',
                  width: 56,
                  render: (_: unknown, entry: AuditEntry) => (
                    <RouteLink to={`/audit/events/${entry.eventId}`}>详情</RouteLink>
                  ),
                },
              ]}
            />
            {mine?.error ? <ProblemAlert error={mine.error} onReload={loadMore} /> : null}
            {next !== null ? (
              <div className="load-more">
                <Button onClick={loadMore} loading={mine?.loading ?? false}>
                  加载更多
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </Space>
  );
}

function Filters({ filters, onChange }: { filters: AuditFilters; onChange: (changes: Partial<AuditFilters>) => void }) {
  const branches = useLoad(useCallback(() => allBranches(), []));
  const [wantMembers, setWantMembers] = useState(filters.memberId !== null);
  const members = useLoad(useCallback(() => (wantMembers ? allMembers() : Promise.resolve([])), [wantMembers]));
  const branchOptions =
    branches.loaded && 'data' in branches.loaded
      ? branches.loaded.data.map((b) => ({
          value: b.branchId,
          label: b.status === 'dissolved' ? `${b.name}（已撤销）` : b.name,
        }))
      : [];
  const memberOptions =
    members.loaded && 'data' in members.loaded
      ? members.loaded.data.map((m) => ({ value: m.memberId, label: `${m.name}（${m.branchName ?? '未知党支部'}）` }))
      : [];
  const day = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);

  return (
    <Form layout="inline" className="audit-filters">
      <Form.Item label="党支部" htmlFor="audit-branch">
        <Select
          id="audit-branch"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部党支部"
          style={{ width: 220 }}
          loading={!branches.loaded}
          value={filters.branchId ?? undefined}
          options={branchOptions}
          onChange={(value: string | undefined) => onChange({ branchId: value ?? null, stream: null })}
        />
      </Form.Item>
      <Form.Item label="党员" htmlFor="audit-member">
        <Select
          id="audit-member"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="输入姓名查找"
          style={{ width: 180 }}
          loading={wantMembers && !members.loaded}
          onOpenChange={(open) => open && setWantMembers(true)}
          value={filters.memberId ?? undefined}
          options={memberOptions}
          onChange={(value: string | undefined) => onChange({ memberId: value ?? null, stream: null })}
        />
      </Form.Item>
      <Form.Item label="操作人账号" htmlFor="audit-actor">
        <Input.Search
          id="audit-actor"
          allowClear
          placeholder="账号"
          style={{ width: 180 }}
          defaultValue={filters.actorId ?? ''}
          key={filters.actorId ?? ''}
          onSearch={(value) => onChange({ actorId: value.trim() || null, stream: null })}
        />
      </Form.Item>
      <Form.Item label="事件类型" htmlFor="audit-types">
        <Select
          id="audit-types"
          mode="multiple"
          allowClear
          placeholder="全部类型"
          style={{ width: 260 }}
          maxTagCount="responsive"
          optionFilterProp="label"
          value={[...filters.types]}
          options={TYPE_OPTIONS}
          onChange={(types: string[]) => onChange({ types, stream: null })}
        />
      </Form.Item>
      <Form.Item label="业务日期自" htmlFor="audit-from">
        <DatePicker
          id="audit-from"
          format="YYYY年M月D日"
          placeholder="起始日期"
          value={filters.from ? dayjs(filters.from) : null}
          onChange={(value: Dayjs | null) => onChange({ from: day(value), stream: null })}
        />
      </Form.Item>
      <Form.Item label="至" htmlFor="audit-to">
        <DatePicker
          id="audit-to"
          format="YYYY年M月D日"
          placeholder="截止日期"
          value={filters.to ? dayjs(filters.to) : null}
          onChange={(value: Dayjs | null) => onChange({ to: day(value), stream: null })}
        />
      </Form.Item>
    </Form>
  );
}
