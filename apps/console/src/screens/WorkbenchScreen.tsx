import {
  Badge,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  List,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { navigate, queryOf, useRoute } from '../app/router';
import { useLoad, type Loaded, type LoadState } from '../api/use-load';
import { currentSession, subscribeSession } from '../auth/session';
import { formatDate, today } from '../format/dates';
import {
  BOARD_STATE_LABELS,
  electionStatusColor,
  OVERDUE_REASON_LABELS,
  RESTRUCTURING_STATUS_LABELS,
} from '../format/status-labels';
import { ProblemAlert } from '../shell/ProblemAlert';
import { RouteLink } from '../shell/RouteLink';
import {
  awaitingWhat,
  electionWork,
  groupProgress,
  LAPSE_WARNING_DAYS,
  type BoardEntry,
  type DueElection,
  type GroupProgress,
  type OverdueElection,
} from './workbench/workbench';
import {
  campaignBoard,
  electionBoard,
  recentReminders,
  restructuringsInFlight,
  statistics,
  type Reminder,
  type RestructuringInFlight,
  type Statistics,
} from './workbench/workbench-data';
import './workbench/workbench.css';

/**
 * 工作台: what needs doing, judged on a day (today unless the address says `asOf`): elections due
 * within three and six months, overdue ones, what waits for the superior, approvals about to
 * lapse, each working group's progress in the campaign, restructurings in flight, and the month's
 * reminders to the superior. Every item links to its own screen.
 */
export default function WorkbenchScreen() {
  const route = useRoute();
  const query = queryOf(route);
  const asOf = validDate(query.get('asOf')) ?? today();
  const campaignId = query.get('campaign');
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const auditor = session?.role === 'auditor';

  const board = useLoad(useCallback(() => electionBoard(asOf), [asOf]));
  const campaign = useLoad(useCallback(() => campaignBoard(asOf, campaignId), [asOf, campaignId]));
  const figures = useLoad(useCallback(() => statistics(asOf), [asOf]));
  const reminders = useLoad(useCallback(() => recentReminders(asOf), [asOf]));
  const restructurings = useLoad(
    useCallback(() => (auditor ? restructuringsInFlight() : Promise.resolve(null)), [auditor]),
  );

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const search = next.toString();
    navigate(search ? `/?${search}` : '/');
  };

  const work = board.loaded && 'data' in board.loaded ? electionWork(board.loaded.data, asOf) : null;

  return (
    <Space direction="vertical" size="middle" className="screen workbench">
      <Form layout="inline">
        <Form.Item label="判断日期" htmlFor="workbench-as-of">
          <DatePicker
            id="workbench-as-of"
            value={dayjs(asOf)}
            onChange={(date: Dayjs | null) => go({ asOf: date ? date.format('YYYY-MM-DD') : null })}
            allowClear={false}
            format="YYYY年M月D日"
          />
        </Form.Item>
        <Typography.Text type="secondary">到期、逾期和批复失效都按这一天判断。</Typography.Text>
      </Form>

      <Row gutter={[16, 16]}>
        <Col span={8}>
          <WorkCard
            title="3个月内应换届"
            count={work?.withinThreeMonths.length}
            loaded={board.loaded}
            onReload={board.reload}
          >
            {work ? <DueList items={work.withinThreeMonths} empty="3个月内没有应换届的党支部" /> : null}
          </WorkCard>
        </Col>
        <Col span={8}>
          <WorkCard
            title="3至6个月内应换届"
            count={work?.withinSixMonths.length}
            loaded={board.loaded}
            onReload={board.reload}
          >
            {work ? <DueList items={work.withinSixMonths} empty="3至6个月内没有应换届的党支部" /> : null}
          </WorkCard>
        </Col>
        <Col span={8}>
          <WorkCard title="已逾期" count={work?.overdue.length} danger loaded={board.loaded} onReload={board.reload}>
            {work ? <OverdueList items={work.overdue} /> : null}
          </WorkCard>
        </Col>
        <Col span={8}>
          <WorkCard
            title="待上级批复"
            count={work?.awaitingApproval.length}
            loaded={board.loaded}
            onReload={board.reload}
          >
            {work ? <AwaitingList items={work.awaitingApproval} /> : null}
          </WorkCard>
        </Col>
        <Col span={8}>
          <WorkCard
            title={`批复即将失效（${LAPSE_WARNING_DAYS}天内）`}
            count={work?.approvalsLapsing.length}
            loaded={board.loaded}
            onReload={board.reload}
          >
            {work ? <LapsingList items={work.approvalsLapsing} /> : null}
          </WorkCard>
        </Col>
        <Col span={8}>
          <RestructuringsCard figures={figures} restructurings={restructurings} auditor={auditor} />
        </Col>
        <Col span={8}>
          <WorkCard
            title="近一个月已提醒上级党组织"
            count={reminders.loaded && 'data' in reminders.loaded ? reminders.loaded.data.length : undefined}
            loaded={reminders.loaded}
            onReload={reminders.reload}
          >
            {reminders.loaded && 'data' in reminders.loaded ? <ReminderList items={reminders.loaded.data} /> : null}
          </WorkCard>
        </Col>
      </Row>

      <CampaignCard loaded={campaign.loaded} onReload={campaign.reload} onPick={(id) => go({ campaign: id })} />
    </Space>
  );
}

/** Why the superior was reminded, as the timers decided it (docs/rules.md §5.3). */
function reminderWhy(reminder: Reminder): string {
  switch (reminder.kind) {
    case 'beforeTermEnd':
      return `任期${formatDate(reminder.termEnd)}届满，提前${reminder.monthsBefore ?? ''}个月提醒`;
    case 'overdue':
      return `任期已于${formatDate(reminder.termEnd)}届满，尚未完成换届`;
    default:
      return '未登记任期届满日期，每月提醒';
  }
}

function ReminderList({ items }: { items: readonly Reminder[] }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近一个月没有提醒" /> }}
      renderItem={(item) => (
        <Item
          to={`/org/branches/${item.branchId}`}
          name={item.branchName ?? '（未知党支部）'}
          detail={reminderWhy(item)}
          side={<span title="提醒日期">{formatDate(item.dueOn)}</span>}
        />
      )}
    />
  );
}

function WorkCard({
  title,
  count,
  danger = false,
  loaded,
  onReload,
  children,
}: {
  title: string;
  count: number | undefined;
  danger?: boolean;
  loaded: Loaded<unknown> | null;
  onReload: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      className="work-card"
      title={
        <Space size={8}>
          <span>{title}</span>
          {count !== undefined ? (
            <Badge count={count} showZero color={danger && count > 0 ? '#cf1322' : count > 0 ? '#d48806' : '#8c8c8c'} />
          ) : null}
        </Space>
      }
    >
      {!loaded ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={onReload} />
      ) : (
        children
      )}
    </Card>
  );
}

function Item({ to, name, detail, side }: { to: string; name: string; detail: ReactNode; side: ReactNode }) {
  return (
    <List.Item className="work-item">
      <div className="work-item-main">
        <RouteLink to={to}>{name}</RouteLink>
        <div className="work-item-detail">{detail}</div>
      </div>
      <div className="work-item-side">{side}</div>
    </List.Item>
  );
}

const branchOf = (entry: BoardEntry): string => entry.branchName ?? '（未知党支部）';
const electionPath = (entry: BoardEntry): string => `/elections/${entry.electionId}`;

function StateTag({ entry }: { entry: BoardEntry }) {
  return (
    <Tag color={electionStatusColor(entry.state)} bordered={false}>
      {BOARD_STATE_LABELS[entry.state === 'none' ? 'notStarted' : entry.state]}
    </Tag>
  );
}

function DueList({ items, empty }: { items: readonly DueElection[]; empty: string }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(item) => (
        <Item
          to={electionPath(item.entry)}
          name={branchOf(item.entry)}
          detail={
            item.kind === 'open' ? (
              <>
                <StateTag entry={item.entry} />
                {item.entry.groupName ?? ''}
              </>
            ) : (
              <>
                <Tag bordered={false}>尚未启动换届</Tag>本届任期届满
              </>
            )
          }
          side={<span title={item.kind === 'open' ? '应换届日期' : '本届任期届满日期'}>{formatDate(item.due)}</span>}
        />
      )}
    />
  );
}

const OVERDUE_WORDS: Readonly<Record<OverdueElection['reasons'][number], string>> = {
  ...OVERDUE_REASON_LABELS,
  termEnded: '任期已届满，尚未启动换届',
};

function OverdueList({ items }: { items: readonly OverdueElection[] }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有逾期的换届" /> }}
      renderItem={(item) => (
        <Item
          to={electionPath(item.entry)}
          name={branchOf(item.entry)}
          detail={
            <Typography.Text type="danger">
              {item.reasons.map((reason) => OVERDUE_WORDS[reason]).join('；')}
            </Typography.Text>
          }
          side={overdueSince(item)}
        />
      )}
    />
  );
}

/** The deadline an overdue election passed, the most pressing first: its term or due date, the approval, the campaign's. */
function overdueSince({ entry, reasons }: OverdueElection) {
  const [date, what] = reasons.includes('termEnded')
    ? [entry.newTermEnd, '本届任期届满日期']
    : reasons.includes('dueDate')
      ? [entry.dueDate, '应换届日期']
      : reasons.includes('approvalLapse')
        ? [entry.approvalLapsesOn, '批复失效日期']
        : [entry.campaignDeadline, '换届工作截止日期'];
  return <span title={what}>{formatDate(date)}</span>;
}

function AwaitingList({ items }: { items: readonly BoardEntry[] }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待上级批复的事项" /> }}
      renderItem={(entry) => (
        <Item
          to={electionPath(entry)}
          name={branchOf(entry)}
          detail={awaitingWhat(entry.state)}
          side={<span title="报送日期">{formatDate(entry.lastStepOn)}</span>}
        />
      )}
    />
  );
}

function LapsingList({ items }: { items: readonly BoardEntry[] }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有即将失效的批复" /> }}
      renderItem={(entry) => (
        <Item
          to={electionPath(entry)}
          name={branchOf(entry)}
          detail={
            <>
              {entry.approvalReference ?? '批复'}
              {entry.plannedDate ? `，计划${formatDate(entry.plannedDate)}召开党员大会` : ''}
            </>
          }
          side={
            <Typography.Text type="warning" title="批复失效日期">
              {formatDate(entry.approvalLapsesOn)}
            </Typography.Text>
          }
        />
      )}
    />
  );
}

function RestructuringsCard({
  figures,
  restructurings,
  auditor,
}: {
  figures: LoadState<Statistics>;
  restructurings: LoadState<RestructuringInFlight[] | null>;
  auditor: boolean;
}) {
  const counts = figures.loaded && 'data' in figures.loaded ? figures.loaded.data.restructurings : null;
  const total = counts ? counts.proposed + counts.approved + counts.executing : undefined;
  return (
    <WorkCard title="组织调整进行中" count={total} loaded={figures.loaded} onReload={figures.reload}>
      {counts ? (
        <Space direction="vertical" size={4} className="screen">
          <Space size={16} wrap className="restructuring-counts">
            <span>待批准 {counts.proposed} 项</span>
            <span>待执行 {counts.approved} 项</span>
            <span>执行中 {counts.executing} 项</span>
          </Space>
          {auditor ? (
            !restructurings.loaded ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : 'error' in restructurings.loaded ? (
              <ProblemAlert error={restructurings.loaded.error} onReload={restructurings.reload} />
            ) : (
              <List
                size="small"
                dataSource={restructurings.loaded.data ?? []}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有进行中的组织调整" />,
                }}
                renderItem={(item) => (
                  <Item
                    to={`/restructurings/${item.restructuringId}`}
                    name={item.proposal.descriptionZh}
                    detail={<Tag bordered={false}>{RESTRUCTURING_STATUS_LABELS[item.status]}</Tag>}
                    side={formatDate(item.proposal.occurredOn)}
                  />
                )}
              />
            )
          ) : (
            <Typography.Text type="secondary" className="work-note">
              逐项办理请进入“调整”页面。
            </Typography.Text>
          )}
        </Space>
      ) : null}
    </WorkCard>
  );
}

function CampaignCard({
  loaded,
  onReload,
  onPick,
}: {
  loaded: Loaded<Awaited<ReturnType<typeof campaignBoard>>> | null;
  onReload: () => void;
  onPick: (campaignId: string) => void;
}) {
  if (!loaded) {
    return (
      <Card size="small" title="换届工作进度（包联）">
        <Skeleton active />
      </Card>
    );
  }
  if ('error' in loaded) {
    return (
      <Card size="small" title="换届工作进度（包联）">
        <ProblemAlert error={loaded.error} onReload={onReload} />
      </Card>
    );
  }
  const { campaigns, campaign } = loaded.data;
  if (!campaign) {
    return (
      <Card size="small" title="换届工作进度（包联）">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未印发换届选举工作方案" />
      </Card>
    );
  }
  const groups = groupProgress(campaign);
  return (
    <Card
      size="small"
      title="换届工作进度（包联）"
      extra={
        campaigns.length > 1 ? (
          <Select
            aria-label="换届工作"
            size="small"
            value={campaign.campaignId}
            onChange={onPick}
            options={campaigns.map((c) => ({ value: c.campaignId, label: `${c.title}（${c.documentNumber}）` }))}
            style={{ width: 360 }}
          />
        ) : null
      }
    >
      <Space direction="vertical" size="small" className="screen">
        <Typography.Text>
          《{campaign.plan.title}》（{campaign.plan.documentNumber}），要求{formatDate(campaign.plan.deadline)}
          前完成；包联党支部 {campaign.board.branches} 个
          {campaign.board.overdue > 0 ? (
            <Typography.Text type="danger">，逾期 {campaign.board.overdue} 个</Typography.Text>
          ) : null}
          。
        </Typography.Text>
        <Table<GroupProgress>
          size="small"
          rowKey="groupId"
          pagination={false}
          dataSource={groups}
          locale={{ emptyText: '尚未成立换届工作领导小组' }}
          columns={[
            { title: '工作小组', dataIndex: 'name', width: 200 },
            { title: '组长', dataIndex: 'leader', width: 90 },
            { title: '包联党支部', dataIndex: 'assigned', width: 96, align: 'right', render: (n: number) => `${n} 个` },
            { title: '已启动', dataIndex: 'started', width: 80, align: 'right', render: (n: number) => `${n} 个` },
            {
              title: '已完成换届',
              dataIndex: 'installed',
              width: 96,
              align: 'right',
              render: (n: number) => `${n} 个`,
            },
            {
              title: '逾期',
              dataIndex: 'overdue',
              width: 70,
              align: 'right',
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n} 个</Typography.Text> : '—'),
            },
            {
              title: '进度（绿：已完成换届；蓝：已启动）',
              key: 'progress',
              render: (_: unknown, group: GroupProgress) => (
                <Progress
                  aria-label={`${group.name}进度`}
                  percent={percent(group.started, group.assigned)}
                  success={{ percent: percent(group.installed, group.assigned), strokeColor: '#389e0d' }}
                  strokeColor="#69b1ff"
                  format={() => `完成 ${percent(group.installed, group.assigned)}%`}
                  size="small"
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
}
