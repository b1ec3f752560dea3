import { Button, Card, DatePicker, Empty, Form, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useLoad } from '../../api/use-load';
import { navigate, queryOf, useRoute } from '../../app/router';
import { formatDate, today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import {
  DIFF_SECTION_LABELS,
  DIFF_SECTIONS,
  diffLines,
  diffPage,
  joinPages,
  OrgNames,
  treeOn,
  type DiffLine,
  type OrganisationDiff,
} from './org-diff';
import { validDate, type OrganisationTree } from './org-tree';

/**
 * What changed between two dates (GET /org/diff): branches set up, closed, merged, renamed and
 * moved, members moved, joined and left, posts taken and ended. Both dates are in the address.
 */
export function OrgDiff() {
  const route = useRoute();
  const query = queryOf(route);
  const to = validDate(query.get('to')) ?? today();
  const from = validDate(query.get('from')) ?? dayjs(to).subtract(1, 'year').format('YYYY-MM-DD');
  const { loaded, reload } = useLoad(
    useCallback(async () => {
      const [diff, before, after] = await Promise.all([diffPage(from, to), treeOn(from), treeOn(to)]);
      return { diff, trees: [before, after] };
    }, [from, to]),
  );
  const go = (changes: { from?: string; to?: string }) =>
    navigate(`/org/diff?from=${changes.from ?? from}&to=${changes.to ?? to}`);
  const day = (date: Dayjs | null) => date?.format('YYYY-MM-DD');

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Form layout="inline" className="screen-filters">
        <Form.Item label="起始日期" htmlFor="org-diff-from">
          <DatePicker
            id="org-diff-from"
            value={dayjs(from)}
            onChange={(date) => go({ from: day(date) })}
            allowClear={false}
            format="YYYY年M月D日"
            disabledDate={(date) => !date.isBefore(dayjs(to), 'day')}
          />
        </Form.Item>
        <Form.Item label="截止日期" htmlFor="org-diff-to">
          <DatePicker
            id="org-diff-to"
            value={dayjs(to)}
            onChange={(date) => go({ to: day(date) })}
            allowClear={false}
            format="YYYY年M月D日"
            disabledDate={(date) => !date.isAfter(dayjs(from), 'day') || date.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Typography.Text type="secondary">
          列出{formatDate(from)}之后至{formatDate(to)}（含当天）发生的变化。
        </Typography.Text>
      </Form>
      {!loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={reload} />
      ) : (
        <DiffView key={`${from}/${to}`} first={loaded.data.diff} trees={loaded.data.trees} />
      )}
    </Space>
  );
}

function DiffView({ first, trees }: { first: OrganisationDiff; trees: readonly OrganisationTree[] }) {
  const [diff, setDiff] = useState(first);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const lines = diffLines(diff, new OrgNames(trees, [diff]));
  const total = DIFF_SECTIONS.reduce((sum, section) => sum + lines[section].length, 0);

  const loadMore = async () => {
    if (diff.next === null) return;
    setMore({ loading: true, error: null });
    try {
      setDiff(joinPages(diff, await diffPage(diff.from, diff.to, diff.next)));
      setMore({ loading: false, error: null });
    } catch (error) {
      setMore({ loading: false, error });
    }
  };

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card size="small">
        <Space size={40} wrap>
          {DIFF_SECTIONS.slice(0, 8).map((section) => (
            <Statistic key={section} title={DIFF_SECTION_LABELS[section]} value={lines[section].length} />
          ))}
        </Space>
      </Card>
      {total === 0 ? (
        <Card>
          <Empty description={`${formatDate(diff.from)}之后至${formatDate(diff.to)}，组织架构没有变化`} />
        </Card>
      ) : (
        DIFF_SECTIONS.filter((section) => lines[section].length > 0).map((section) => (
          <Card
            key={section}
            size="small"
            className="org-diff-section"
            title={`${DIFF_SECTION_LABELS[section]}（${lines[section].length}）`}
          >
            <Table<DiffLine>
              size="small"
              rowKey="key"
              dataSource={lines[section]}
              pagination={lines[section].length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: '日期', dataIndex: 'on', width: 140, render: (on: string) => formatDate(on) },
                { title: '变化', dataIndex: 'text' },
                {
                  title: '依据',
                  dataIndex: 'restructuringId',
                  width: 120,
                  render: (id: string | null) =>
                    id ? (
                      <RouteLink to={`/restructurings/${id}`}>
                        <Tag color="blue">组织调整</Tag>
                      </RouteLink>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
        ))
      )}
      {more.error ? <ProblemAlert error={more.error} /> : null}
      {diff.next !== null ? (
        <Button onClick={() => void loadMore()} loading={more.loading}>
          加载更多变化
        </Button>
      ) : null}
    </Space>
  );
}
