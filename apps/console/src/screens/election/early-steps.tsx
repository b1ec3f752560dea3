import { Descriptions, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../format/dates';
import { useElection } from './election-context';
import { CommandButton, DateField, day, occurredAtField } from './form-parts';
import { useCommand } from './use-command';

/** 摸排: the counts the census found, and the census taken again while nothing else is recorded. */
export function CensusStep() {
  const { view, asOf } = useElection();
  const census = view.state.census;
  const { submit, pending, contextHolder } = useCommand('/elections', 'TakeCensus');
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {census ? (
        <Descriptions size="small" bordered column={2} title="摸排结果">
          <Descriptions.Item label="正式党员">{census.fullMembers} 名</Descriptions.Item>
          <Descriptions.Item label="预备党员">{census.probationaryMembers} 名</Descriptions.Item>
          <Descriptions.Item label="表决权中止">{census.suspendedMembers} 名</Descriptions.Item>
          <Descriptions.Item label="应设支部委员会">
            {census.committeeRequired ? '是（正式党员7名以上）' : '否'}
          </Descriptions.Item>
          <Descriptions.Item label="本届任期">
            {census.currentTerm
              ? `${formatDate(census.currentTerm.start)}至${formatDate(census.currentTerm.end)}`
              : '此前未经选举'}
          </Descriptions.Item>
          <Descriptions.Item label="应换届日期">{formatDate(view.state.dueDate)}</Descriptions.Item>
          {census.overSize ? (
            <Descriptions.Item label="提示" span={2}>
              <Typography.Text type="warning">党员人数超过一般规模，可考虑调整支部设置。</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      <Form
        name="census"
        layout="vertical"
        initialValues={{ occurredAt: dayjs(asOf) }}
        onFinish={(values: CensusValues) =>
          void submit({
            // POST /elections opens an election; again with its id, it retakes the census.
            electionId: view.electionId,
            branchId: view.state.branchId ?? '',
            ...censusBody(values),
          })
        }
      >
        <Typography.Title level={5}>重新摸排</Typography.Title>
        <CensusFields />
        <CommandButton command="TakeCensus" pending={pending} label="重新摸排" />
      </Form>
    </Space>
  );
}

export interface CensusValues {
  committeeWorking: string;
  secretarySituation: string;
  notes?: string;
  occurredAt: dayjs.Dayjs;
}

export const censusBody = (values: CensusValues) => ({
  committeeWorking: values.committeeWorking,
  secretarySituation: values.secretarySituation,
  ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
  occurredAt: day(values.occurredAt),
});

/** What a census records besides the counts, which the API takes from the roll. */
export function CensusFields() {
  return (
    <>
      <Form.Item
        name="committeeWorking"
        label="支委会（书记）工作情况"
        rules={[{ required: true, message: '请填写工作情况' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="secretarySituation"
        label="书记情况（身体、意愿、年龄）"
        rules={[{ required: true, message: '请填写书记情况' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="notes" label="其他情况">
        <Input.TextArea rows={1} maxLength={2000} />
      </Form.Item>
      {occurredAtField}
    </>
  );
}

interface RequestValues {
  plannedDate: dayjs.Dayjs;
  committee: boolean;
  committeeSeats?: number;
  deputySecretary: boolean;
  electionMethod: string;
  nominationMethod: string;
  agenda?: string;
  occurredAt: dayjs.Dayjs;
}

/** 换届请示: the planned assembly, seats, committee or not, and the methods. */
export function RequestStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/request', 'RequestElection');
  const request = view.state.request;
  const committeeRequired = view.state.census?.committeeRequired ?? false;
  const [form] = Form.useForm<RequestValues>();
  const committee = Form.useWatch('committee', form) ?? committeeRequired;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {request ? (
        <Descriptions size="small" bordered column={2} title="已报送的换届请示">
          <Descriptions.Item label="计划召开党员大会">{formatDate(request.plannedDate)}</Descriptions.Item>
          <Descriptions.Item label="报送日期">{formatDate(request.requestedOn)}</Descriptions.Item>
          <Descriptions.Item label="支部委员会">
            {request.committee ? `设，委员 ${request.committeeSeats} 名` : '不设'}
          </Descriptions.Item>
          <Descriptions.Item label="副书记">{request.deputySecretary ? '选举' : '不设'}</Descriptions.Item>
          {request.committee ? (
            <Descriptions.Item label="委员候选人至少" span={2}>
              {request.minimumCommitteeCandidates} 名（差额不少于应选人数的20%）
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      <Form<RequestValues>
        form={form}
        name="request"
        layout="vertical"
        initialValues={{
          plannedDate: dayjs(asOf).add(1, 'month'),
          committee: committeeRequired,
          committeeSeats: committeeRequired ? 3 : 0,
          deputySecretary: false,
          electionMethod: committeeRequired ? '差额选举，无记名投票' : '等额选举，无记名投票',
          nominationMethod: '老干部推荐、党内提名、组织审查',
          occurredAt: dayjs(asOf),
        }}
        onFinish={(values) =>
          void submit({
            plannedDate: day(values.plannedDate),
            committee: values.committee,
            committeeSeats: values.committee ? (values.committeeSeats ?? 0) : 0,
            deputySecretary: values.deputySecretary,
            electionMethod: values.electionMethod,
            nominationMethod: values.nominationMethod,
            ...(values.agenda?.trim()
              ? {
                  agenda: values.agenda
                    .split('\n')
                    .map((line) => line.trim())
                    .filter((line) => line !== ''),
                }
              : {}),
            occurredAt: day(values.occurredAt),
          })
        }
      >
        <Typography.Title level={5}>{request ? '重新报送换届请示' : '报送换届请示'}</Typography.Title>
        <DateField name="plannedDate" label="计划召开党员大会日期" />
        <Form.Item name="committee" label="支部委员会">
          <Radio.Group
            options={[
              { value: true, label: '设支部委员会' },
              { value: false, label: '不设（选举书记）' },
            ]}
          />
        </Form.Item>
        {committee ? (
          <Form.Item
            name="committeeSeats"
            label="委员名额（含书记、副书记）"
            rules={[{ required: true, message: '请填写委员名额' }]}
          >
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        ) : null}
        <Form.Item name="deputySecretary" label="选举副书记" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="electionMethod" label="选举方式" rules={[{ required: true, message: '请填写选举方式' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="nominationMethod"
          label="候选人产生方式"
          rules={[{ required: true, message: '请填写候选人产生方式' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="agenda" label="会议议程（每行一项）">
          <Input.TextArea rows={2} />
        </Form.Item>
        {occurredAtField}
        <CommandButton command="RequestElection" pending={pending} />
      </Form>
    </Space>
  );
}

interface ApprovalValues {
  approvalReference: string;
  approvedOn: dayjs.Dayjs;
}

/** 上级批复: the superior's reference and date; the approval lapses after the policy's days. */
export function ApprovalStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/approve-request',
    'ApproveElectionRequest',
  );
  const approval = view.state.approval ?? view.state.lapsedApproval;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {approval ? (
        <Descriptions size="small" bordered column={2} title={view.state.lapsedApproval ? '已失效的批复' : '上级批复'}>
          <Descriptions.Item label="批复文号">{approval.approvalReference}</Descriptions.Item>
          <Descriptions.Item label="批复日期">{formatDate(approval.approvedOn)}</Descriptions.Item>
          <Descriptions.Item label="批复失效日期">{formatDate(approval.lapsesOn)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form<ApprovalValues>
        name="approve-request"
        layout="vertical"
        initialValues={{ approvedOn: dayjs(asOf) }}
        onFinish={(values) =>
          void submit({
            approvalReference: values.approvalReference,
            approvedOn: day(values.approvedOn),
            occurredAt: day(values.approvedOn),
          })
        }
      >
        <Form.Item name="approvalReference" label="批复文号" rules={[{ required: true, message: '请填写批复文号' }]}>
          <Input maxLength={100} placeholder="如：孝老干党字〔2023〕12号" style={{ maxWidth: 360 }} />
        </Form.Item>
        <DateField name="approvedOn" label="批复日期" />
        <CommandButton command="ApproveElectionRequest" pending={pending} />
      </Form>
    </Space>
  );
}
