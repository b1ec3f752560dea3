import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  List,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { api } from '../api/api';
import { csvPage, CSV_TYPE, saveFile, wholeCsv } from '../api/download';
import { useLoad } from '../api/use-load';
import { navigate, queryOf, useRoute } from '../app/router';
import { ROLE_LABELS, type Role } from '../auth/roles';
import { currentSession, subscribeSession } from '../auth/session';
import { formatDate, today } from '../format/dates';
import { BOARD_STATE_LABELS, ELECTION_STATUS_LABELS, RESTRUCTURING_STATUS_LABELS } from '../format/status-labels';
import { ProblemAlert } from '../shell/ProblemAlert';
import { statistics, type Statistics } from './workbench/workbench-data';
import './reports/reports.css';

/**
 * 报表: the statistics (GET /reports/statistics; secretaries' ages as of the chosen day), as
 * figures and tables, and the exports as CSV files with the Chinese headers the API writes for
 * zh-CN, each fetched with the signed-in user's token and saved whole (every page).
 */
export default function ReportsScreen() {
  const route = useRoute();
  const query = queryOf(route);
  const asOf = validDate(query.get('asOf')) ?? today();
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const figures = useLoad(useCallback(() => statistics(asOf), [asOf]));

  return (
    <Space direction="vertical" size="middle" className="screen reports">
      <Form layout="inline">
        <Form.Item label="统计日期" htmlFor="reports-as-of">
          <DatePicker
            id="reports-as-of"
            value={dayjs(asOf)}
            onChange={(date: Dayjs | null) =>
              navigate(date ? `/reports?asOf=${date.format('YYYY-MM-DD')}` : '/reports')
            }
            allowClear={false}
            format="YYYY年M月D日"
          />
        </Form.Item>
        <Typography.Text type="secondary">
          书记年龄和党员年龄段按这一天计算；党支部、党员和各项工作的数量为目前的数据。
        </Typography.Text>
      </Form>
      {!figures.loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in figures.loaded ? (
        <ProblemAlert error={figures.loaded.error} onReload={figures.reload} />
      ) : (
        <Figures statistics={figures.loaded.data} />
      )}
      <Exports asOf={asOf} role={session?.role ?? null} />
    </Space>
  );
}

function Figures({ statistics: s }: { statistics: Statistics }) {
  const { branches, members, secretaries, restructurings } = s;
  const elections = electionRows(s.elections);
  const electionTotal = elections.reduce((sum, row) => sum + row.count, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col span={8}>
        <Card size="small" title="党支部" className="figure-card">
          <Space size={32}>
            <Statistic title="在册" value={branches.open} suffix="个" />
            <Statistic title="设支部委员会" value={branches.withCommittee} suffix="个" />
            <Statistic title="已撤销" value={branches.dissolved} suffix="个" />
          </Space>
          <Share
            label="设支部委员会的党支部"
            part={branches.withCommittee}
            whole={branches.withCommittee + branches.withoutCommittee}
          />
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title="党员" className="figure-card">
          <Space size={32}>
            <Statistic title="在册" value={members.active} suffix="人" />
            <Statistic title="正式党员" value={members.full} suffix="人" />
            <Statistic title="预备党员" value={members.probationary} suffix="人" />
            <Statistic title="已离册" value={members.left} suffix="人" />
          </Space>
          <Share label="正式党员" part={members.full} whole={members.full + members.probationary} />
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title="党支部书记" className="figure-card">
          <Space size={32}>
            <Statistic title="在任" value={secretaries.count} suffix="人" />
            <Statistic
              title="最年轻"
              value={secretaries.youngestAge ?? '—'}
              suffix={secretaries.youngestAge === null ? '' : '岁'}
            />
            <Statistic
              title="年龄中位数"
              value={secretaries.medianAge ?? '—'}
              suffix={secretaries.medianAge === null ? '' : '岁'}
            />
          </Space>
          <Typography.Paragraph type="secondary" className="figure-note">
            {secretaries.agesBy === 'birthDate'
              ? `按出生日期计算到${formatDate(s.asOf)}的周岁`
              : `按出生年份计算（${s.asOf.slice(0, 4)}年减出生年份）`}
            ；{secretaries.withKnownAge} 人有出生日期记录。
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title="换届选举（按所处阶段）">
          <Table
            size="small"
            rowKey="status"
            pagination={false}
            dataSource={elections}
            locale={{ emptyText: '尚无换届选举' }}
            columns={[
              { title: '阶段', dataIndex: 'label', width: 200 },
              { title: '数量', dataIndex: 'count', width: 80, align: 'right', render: (n: number) => `${n} 个` },
              {
                title: '占比',
                key: 'share',
                render: (_: unknown, row: { count: number }) => (
                  <Progress percent={percent(row.count, electionTotal)} size="small" strokeColor="#1677ff" />
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title="组织调整（按状态）">
          <Table
            size="small"
            rowKey="status"
            pagination={false}
            dataSource={(['proposed', 'approved', 'executing', 'completed', 'abandoned'] as const).map((status) => ({
              status,
              label: RESTRUCTURING_STATUS_LABELS[status],
              count: restructurings[status],
            }))}
            columns={[
              { title: '状态', dataIndex: 'label' },
              { title: '数量', dataIndex: 'count', width: 80, align: 'right', render: (n: number) => `${n} 项` },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function Share({ label, part, whole }: { label: string; part: number; whole: number }) {
  return (
    <div className="figure-share">
      <Typography.Text type="secondary">{label}占比</Typography.Text>
      <Progress
        percent={percent(part, whole)}
        status="normal"
        format={(value) => `${value ?? 0}%`}
        size="small"
        strokeColor="#1677ff"
        aria-label={`${label}占比`}
      />
    </div>
  );
}

/** Elections by status, in the order an election goes (statuses the table does not know yet last, by name). */
function electionRows(byStatus: Readonly<Record<string, number>>) {
  const labels = new Map<string, string>(Object.entries(ELECTION_STATUS_LABELS));
  const order = Object.keys(BOARD_STATE_LABELS);
  return Object.entries(byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => ({ status, label: labels.get(status) ?? status, count }))
    .sort((a, b) => rank(order, a.status) - rank(order, b.status) || a.status.localeCompare(b.status));
}

const rank = (order: readonly string[], key: string): number => {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
};

interface Export {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly roles: readonly Role[];
  readonly file: (asOf: string) => string;
  readonly fetch: (asOf: string) => Promise<string>;
}

/** The exports, each with the roles the API lets fetch it (README, "Who may call what"). */
const EXPORTS: readonly Export[] = [
  {
    key: 'statistics',
    title: '统计数据',
    description: '上面各项统计数字，每项一行（指标、数值）。',
    roles: ['admin', 'auditor', 'reporter'],
    file: (asOf) => `统计数据-${asOf}.csv`,
    fetch: (asOf) =>
      wholeCsv(() =>
        csvPage(api.GET('/reports/statistics', { params: { query: { asOf, format: 'csv' } }, parseAs: 'text' })),
      ),
  },
  {
    key: 'elections',
    title: '换届进度表',
    description: '每个换届选举一行：所处阶段、包联小组、应换届日期、批复失效日期、是否逾期。',
    roles: ['admin', 'auditor', 'reporter'],
    file: (asOf) => `换届进度表-${asOf}.csv`,
    fetch: (asOf) =>
      wholeCsv((after) =>
        csvPage(
          api.GET('/elections', {
            params: { query: { asOf, format: 'csv', limit: 5000, ...(after ? { after } : {}) } },
            parseAs: 'text',
          }),
        ),
      ),
  },
  {
    key: 'branches',
    title: '党支部一览',
    description: '每个党支部一行：隶属党组织、党员人数、是否设支部委员会、书记。',
    roles: ['auditor', 'reporter'],
    file: () => `党支部一览-${today()}.csv`,
    fetch: () =>
      wholeCsv((after) =>
        csvPage(
          api.GET('/reports/branches', {
            params: { query: { format: 'csv', limit: 5000, ...(after ? { after } : {}) } },
            parseAs: 'text',
          }),
        ),
      ),
  },
  {
    key: 'members',
    title: '党员花名册',
    description: '每名党员一行：所在党支部、党员类别、入党日期、年龄段（按统计日期）。',
    roles: ['auditor', 'reporter'],
    file: (asOf) => `党员花名册-${asOf}.csv`,
    fetch: (asOf) =>
      wholeCsv((after) =>
        csvPage(
          api.GET('/reports/members', {
            params: { query: { asOf, format: 'csv', limit: 5000, ...(after ? { after } : {}) } },
            parseAs: 'text',
          }),
        ),
      ),
  },
];

function Exports({ asOf, role }: { asOf: string; role: Role | null }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ key: string; error: unknown } | null>(null);
  const mine = EXPORTS.filter((item) => role !== null && item.roles.includes(role));
  const hidden = EXPORTS.filter((item) => !mine.includes(item));

  const download = async (item: Export) => {
    setBusy(item.key);
    setFailed(null);
    try {
      saveFile(item.file(asOf), await item.fetch(asOf), CSV_TYPE);
    } catch (error) {
      setFailed({ key: item.key, error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title="导出（CSV，可用 Excel 或 WPS 打开）">
      <List
        size="small"
        dataSource={[...mine]}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="download"
                icon={<DownloadOutlined />}
                loading={busy === item.key}
                onClick={() => void download(item)}
              >
                导出{item.title}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={item.title}
              description={
                <>
                  {item.description}
                  {failed?.key === item.key ? <ProblemAlert error={failed.error} /> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      {hidden.length > 0 ? (
        <Typography.Paragraph type="secondary" className="figure-note">
          {hidden.map((item) => `${item.title}仅供${item.roles.map((r) => ROLE_LABELS[r]).join('、')}导出`).join('；')}
          。
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
}
