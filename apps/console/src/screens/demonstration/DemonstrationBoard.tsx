import { Alert, Card, Col, Descriptions, Empty, Form, Row, Select, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useCallback } from 'react';
import { useLoad } from '../../api/use-load';
import { navigate } from '../../app/router';
import { formatDate } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { CsvButton } from './CsvButton';
import { boardCsv, demonstrationBoard, type BoardBranch, type Demonstration } from './demonstration-data';

const GROUPS = { venue: '一场所', haves: '八个有', clear: '四清楚' } as const;
const LEVELS = { county: '县级', city: '市级' } as const;

/** 示范党支部创建: the campaigns to choose from, and the chosen one's board, branch by branch. */
export function DemonstrationBoard({ campaignId }: { campaignId: string | null }) {
  const board = useLoad(useCallback(() => demonstrationBoard(campaignId), [campaignId]));
  if (!board.loaded)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if ('error' in board.loaded) return <ProblemAlert error={board.loaded.error} onReload={board.reload} />;
  const { campaigns, campaign } = board.loaded.data;
  if (!campaign) return <Empty description="尚无示范党支部创建活动" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label="创建活动" htmlFor="demonstration-campaign">
          <Select
            id="demonstration-campaign"
            style={{ minWidth: 320 }}
            value={campaign.campaignId}
            options={campaigns.map((c) => ({ value: c.campaignId, label: `${c.title}（${c.year}年）` }))}
            onChange={(value: string) => navigate(`/demonstrations?campaign=${encodeURIComponent(value)}`)}
          />
        </Form.Item>
        <CsvButton
          label="导出创建进度表"
          file={`示范党支部创建进度-${campaign.year}.csv`}
          fetch={() => boardCsv(campaign.campaignId)}
        />
      </Form>
      <Summary campaign={campaign} />
      {campaign.board.length === 0 ? <Empty description="尚未确定创建的党支部" /> : null}
      {campaign.board.map((branch) => (
        <BranchCard key={branch.branchId} branch={branch} />
      ))}
    </Space>
  );
}

function Summary({ campaign }: { campaign: Demonstration }) {
  return (
    <Card size="small" title={campaign.title}>
      <Space size={40} wrap>
        <Statistic title="创建党支部" value={campaign.branches} suffix="个" />
        <Statistic title="材料齐全（13项）" value={campaign.checklistComplete} suffix="个" />
        <Statistic title="已命名示范党支部" value={campaign.approved} suffix="个" />
        <Statistic title="经费" value={campaign.fundingYuan} suffix="元" />
      </Space>
      <div className="figure-note">
        标准版本 {campaign.standardVersion}，六好合格分 {campaign.passingScore} 分；启动于
        {formatDate(campaign.launchedAt)}。
      </div>
    </Card>
  );
}

function BranchCard({ branch }: { branch: BoardBranch }) {
  const name = branch.branchName ?? branch.branchId;
  const missing = branch.checklist.filter((item) => item.evidence === null).map((item) => item.zh);
  return (
    <Card
      size="small"
      title={name}
      extra={
        branch.approval ? (
          <Tag color="green">已命名（{formatDate(branch.approval.at)}）</Tag>
        ) : branch.readyForApproval ? (
          <Tag color="blue">可报批</Tag>
        ) : (
          <Tag>创建中</Tag>
        )
      }
    >
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="一场所八个有四清楚">
            {branch.checklistDone}/{branch.checklistTotal} 项有材料
          </Descriptions.Item>
          <Descriptions.Item label="六好">
            {branch.criteriaMet}/{branch.criteriaTotal} 项达标
          </Descriptions.Item>
          <Descriptions.Item label="批准">
            {branch.approval
              ? `${formatDate(branch.approval.at)}，${branch.approval.approvedBy}${LEVELS[branch.approval.level]}命名，${branch.approval.documentNumber}`
              : '尚未批准'}
          </Descriptions.Item>
          <Descriptions.Item label="品牌">
            {branch.brand ? `${branch.brand.name}（${branch.brand.feature}）` : '尚无'}
          </Descriptions.Item>
          <Descriptions.Item label="经费">
            {branch.fundingYuan} 元
            {branch.funding.length > 0 ? `（${branch.funding.map((g) => g.purpose).join('、')}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="观摩交流">
            接待 {branch.visitsHosted} 次，外出 {branch.visitsMade} 次
          </Descriptions.Item>
        </Descriptions>
        {missing.length > 0 ? <Alert type="warning" showIcon message={`缺少材料：${missing.join('、')}`} /> : null}
        <Row gutter={16}>
          <Col span={14}>
            <Table
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={branch.checklist}
              columns={[
                { title: '类别', dataIndex: 'group', width: 80, render: (group: keyof typeof GROUPS) => GROUPS[group] },
                { title: '项目', dataIndex: 'zh' },
                {
                  title: '材料',
                  key: 'evidence',
                  render: (_: unknown, item: BoardBranch['checklist'][number]) =>
                    item.evidence ? <Tag color="green">已有材料</Tag> : <Tag color="red">缺少材料</Tag>,
                },
                {
                  title: '查验',
                  key: 'checked',
                  render: (_: unknown, item: BoardBranch['checklist'][number]) =>
                    item.evidence ? `${formatDate(item.evidence.checkedOn)} ${item.evidence.checkedBy}` : '—',
                },
              ]}
            />
          </Col>
          <Col span={10}>
            <Table
              size="small"
              rowKey="criterionId"
              pagination={false}
              dataSource={branch.criteria}
              columns={[
                { title: '六好', dataIndex: 'zh' },
                {
                  title: '考评',
                  dataIndex: 'passed',
                  render: (passed: boolean | null) =>
                    passed === null ? (
                      <Tag>未考评</Tag>
                    ) : passed ? (
                      <Tag color="green">达标</Tag>
                    ) : (
                      <Tag color="red">未达标</Tag>
                    ),
                },
                { title: '得分', dataIndex: 'score', width: 60, render: (score: number | null) => score ?? '—' },
              ]}
            />
          </Col>
        </Row>
      </Space>
    </Card>
  );
}
