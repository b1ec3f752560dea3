import { Card, Col, Row, Skeleton, Space, Statistic, Table } from 'antd';
import { useCallback } from 'react';
import { useLoad } from '../../api/use-load';
import { formatDate, today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { CsvButton } from './CsvButton';
import { statisticsCsv, volunteerService, type Activity, type VolunteerStatistics } from './demonstration-data';

type Row = VolunteerStatistics['byKind'][number];

/** 志愿服务: person-times (人次) in total and by kind, month, team and branch; then every activity. */
export function VolunteerService() {
  const service = useLoad(useCallback(() => volunteerService(), []));
  if (!service.loaded)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if ('error' in service.loaded) return <ProblemAlert error={service.loaded.error} onReload={service.reload} />;
  const { statistics: s, activities } = service.loaded.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title="志愿服务合计"
        extra={<CsvButton label="导出志愿服务统计" file={`志愿服务统计-${today()}.csv`} fetch={statisticsCsv} />}
      >
        <Space size={40} wrap>
          <Statistic title="服务人次" value={s.personTimes} suffix="人次" />
          <Statistic title="参与党员" value={s.volunteers} suffix="人" />
          <Statistic title="服务活动" value={s.activities} suffix="次" />
          <Statistic title="志愿服务队" value={s.teams} suffix="支" />
          <Statistic title="收集意见建议" value={s.proposals} suffix="条" />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <Breakdown title="按服务类别" first="类别" rows={s.byKind} />
        </Col>
        <Col span={12}>
          <Breakdown title="按月份" first="月份" rows={s.byMonth} month />
        </Col>
        <Col span={12}>
          <Breakdown title="按志愿服务队" first="服务队" rows={s.byTeam} />
        </Col>
        <Col span={12}>
          <Breakdown title="按党支部" first="党支部" rows={s.byBranch} />
        </Col>
      </Row>
      <Card size="small" title="服务活动">
        <Table
          size="small"
          rowKey="activityId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={[...activities]}
          locale={{ emptyText: '尚无志愿服务活动' }}
          columns={[
            { title: '日期', dataIndex: 'on', width: 130, render: (on: string) => formatDate(on) },
            { title: '类别', dataIndex: 'kindName', width: 120 },
            { title: '活动', dataIndex: 'title' },
            { title: '地点', dataIndex: 'place' },
            { title: '服务队', dataIndex: 'teamName' },
            { title: '组织人', dataIndex: 'organiser', width: 90 },
            { title: '人次', dataIndex: 'personTimes', width: 70, align: 'right' },
            {
              title: '意见建议',
              key: 'proposals',
              width: 90,
              align: 'right',
              render: (_: unknown, activity: Activity) => activity.proposals.length,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function Breakdown({
  title,
  first,
  rows,
  month,
}: {
  title: string;
  first: string;
  rows: readonly Row[];
  month?: boolean;
}) {
  return (
    <Card size="small" title={title}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={[...rows]}
        locale={{ emptyText: '暂无' }}
        columns={[
          { title: first, dataIndex: 'name', render: (name: string, row: Row) => (month ? monthName(row.key) : name) },
          { title: '活动', dataIndex: 'activities', width: 70, align: 'right', render: (n: number) => `${n} 次` },
          { title: '人次', dataIndex: 'personTimes', width: 90, align: 'right', render: (n: number) => `${n} 人次` },
        ]}
      />
    </Card>
  );
}

/** A month key (2023-03) as 2023年3月. */
function monthName(key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  return match ? `${match[1]}年${Number(match[2])}月` : key;
}
