import {
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  message as messages,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { navigate } from '../../app/router';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { useLoad } from '../../api/use-load';
import { currentSession, subscribeSession } from '../../auth/session';
import { formatDate } from '../../format/dates';
import { ELECTION_STATUS_LABELS, electionStatusColor } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { useWrite } from '../../shell/use-write';
import { CensusFields, censusBody, type CensusValues } from './early-steps';
import { electionBoard, openBranches, type BoardEntry } from './election-data';
import { DATE_FORMAT } from './form-parts';

/** An election still under way holds its branch: a new one begins after it is installed or cancelled. */
const UNDER_WAY = (entry: BoardEntry) => entry.state !== 'installed' && entry.state !== 'cancelled';

/** 换届: every election on the board, each linked to its stepper, and the census that begins one. */
export function ElectionList({ asOf }: { asOf: string }) {
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const board = useLoad(useCallback(() => electionBoard(asOf), [asOf]));
  return (
    <Space direction="vertical" size="middle" className="screen election-list">
      <Form layout="inline">
        <Form.Item label="判断日期" htmlFor="elections-as-of">
          <DatePicker
            id="elections-as-of"
            value={dayjs(asOf)}
            format={DATE_FORMAT}
            allowClear={false}
            onChange={(date: Dayjs | null) => date && navigate(`/elections?asOf=${date.format('YYYY-MM-DD')}`)}
          />
        </Form.Item>
        <Typography.Text type="secondary">逾期按这一天判断；开始换届的摸排日期默认取这一天。</Typography.Text>
      </Form>
      <Card size="small" title="各党支部换届选举">
        {!board.loaded ? (
          <Skeleton active />
        ) : 'error' in board.loaded ? (
          <ProblemAlert error={board.loaded.error} onReload={board.reload} />
        ) : (
          <Table<BoardEntry>
            size="small"
            rowKey="electionId"
            dataSource={board.loaded.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未开始任何换届" /> }}
            columns={[
              {
                title: '党支部',
                render: (_, entry) => (
                  <RouteLink to={`/elections/${entry.electionId}?asOf=${asOf}`}>
                    {entry.branchName ?? '（未知党支部）'}
                  </RouteLink>
                ),
              },
              {
                title: '所处阶段',
                width: 170,
                render: (_, entry) => (
                  <Tag color={electionStatusColor(entry.state)} bordered={false}>
                    {ELECTION_STATUS_LABELS[entry.state]}
                  </Tag>
                ),
              },
              { title: '下一步', dataIndex: 'nextStepZh' },
              { title: '计划召开党员大会', width: 140, render: (_, entry) => formatDate(entry.plannedDate) },
              { title: '应换届日期', width: 120, render: (_, entry) => formatDate(entry.dueDate) },
              {
                title: '逾期',
                width: 70,
                render: (_, entry) => (entry.overdue ? <Typography.Text type="danger">逾期</Typography.Text> : '—'),
              },
            ]}
          />
        )}
      </Card>
      {session?.role === 'admin' && board.loaded && 'data' in board.loaded ? (
        <BeginElection asOf={asOf} underWay={board.loaded.data.filter(UNDER_WAY).map((entry) => entry.branchId)} />
      ) : null}
    </Space>
  );
}

/** 开始换届: the census (摸排) of a branch with no election under way opens its election. */
function BeginElection({ asOf, underWay }: { asOf: string; underWay: readonly string[] }) {
  const branches = useLoad(useCallback(() => openBranches(asOf), [asOf]));
  const body = useRef<object>({});
  const [message, messageHolder] = messages.useMessage();
  const write = useWrite(
    useCallback(async (headers) => {
      const { data } = await answer(api.POST('/elections', { body: body.current as never, headers: { ...headers() } }));
      return data;
    }, []),
    { onReload: branches.reload },
  );
  const free =
    branches.loaded && 'data' in branches.loaded
      ? branches.loaded.data.filter(({ branch }) => !underWay.includes(branch.branchId))
      : [];
  return (
    <Card size="small" title="开始换届（摸排）">
      {messageHolder}
      {write.contextHolder}
      {branches.loaded && 'error' in branches.loaded ? (
        <ProblemAlert error={branches.loaded.error} onReload={branches.reload} />
      ) : (
        <Form<CensusValues & { branchId: string }>
          name="begin"
          layout="vertical"
          initialValues={{ occurredAt: dayjs(asOf) }}
          onFinish={(values) => {
            body.current = { branchId: values.branchId, ...censusBody(values) };
            void write.run().then((done) => {
              if (!done) return;
              void message.success('已记录：摸排');
              navigate(`/elections/${done.id}?asOf=${asOf}`);
            });
          }}
        >
          <Form.Item
            name="branchId"
            label="党支部"
            rules={[{ required: true, message: '请选择党支部' }]}
            extra="列出没有进行中换届的党支部；党员人数由花名册自动统计。"
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="按名称选择"
              loading={!branches.loaded}
              style={{ maxWidth: 420 }}
              options={free.map(({ branch }) => ({
                value: branch.branchId,
                label: `${branch.name}（正式党员 ${branch.members.full} 名）`,
              }))}
            />
          </Form.Item>
          <CensusFields />
          <Button type="primary" htmlType="submit" loading={write.pending}>
            摸排并开始换届
          </Button>
        </Form>
      )}
    </Card>
  );
}
