import { Alert, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../format/dates';
import { POST_KIND_LABELS } from '../../format/status-labels';
import { useElection } from './election-context';
import { RACE_LABELS } from './election-steps';
import { CommandButton, DateField, day, MotionFields, occurredAtField, personsOf, PersonSelect } from './form-parts';
import { useCommand } from './use-command';

type Motion = { for: number; against: number; abstain: number };

interface OfficersValues {
  chairMemberId: string;
  secretary: string;
  secretaryVotes: Motion;
  deputySecretary?: string;
  deputyVotes?: Motion;
  scrutineers: string[];
  duties: Record<string, string>;
  occurredAt: dayjs.Dayjs;
}

const motionText = (votes: Motion) => `赞成 ${votes.for}，反对 ${votes.against}，弃权 ${votes.abstain}`;

/** 支委会第一次会议: the new committee elects its secretary (and deputy) and divides the duties. */
export function OfficersStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/officers', 'ElectOfficers');
  const committee = (view.state.races ?? []).find((race) => race.race === 'committee')?.elected ?? [];
  const members = committee.map((person) => ({ personId: person.personId, name: person.name }));
  const officers = view.state.officers;
  const size = members.length;
  const zero = { for: size, against: 0, abstain: 0 };
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {officers ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          title={officers.electedBy === 'membersAssembly' ? '党员大会选出' : '支委会第一次会议选出'}
        >
          <Descriptions.Item label="书记">
            {officers.secretary.name}（{motionText(officers.secretary.votes)}）
          </Descriptions.Item>
          {officers.deputySecretary ? (
            <Descriptions.Item label="副书记">
              {officers.deputySecretary.name}（{motionText(officers.deputySecretary.votes)}）
            </Descriptions.Item>
          ) : null}
          {officers.chair ? <Descriptions.Item label="会议主持">{officers.chair.name}</Descriptions.Item> : null}
          {Object.keys(officers.duties).length ? (
            <Descriptions.Item label="委员分工">
              {members
                .filter((person) => officers.duties[person.personId])
                .map((person) => `${person.name}：${officers.duties[person.personId]}`)
                .join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {view.state.request?.committee === false ? (
        <Typography.Text type="secondary">不设支部委员会的党支部在党员大会上直接选举书记、副书记。</Typography.Text>
      ) : officers ? null : (
        <Form<OfficersValues>
          name="officers"
          layout="vertical"
          initialValues={{ secretaryVotes: zero, deputyVotes: zero, occurredAt: dayjs(asOf), duties: {} }}
          onFinish={(values) =>
            void submit({
              chairMemberId: values.chairMemberId,
              secretary: { memberId: values.secretary, votes: values.secretaryVotes },
              ...(values.deputySecretary && values.deputyVotes
                ? { deputySecretary: { memberId: values.deputySecretary, votes: values.deputyVotes } }
                : {}),
              scrutineers: personsOf(values.scrutineers, members),
              duties: Object.fromEntries(
                Object.entries(values.duties ?? {}).filter(
                  ([, duty]) => typeof duty === 'string' && duty.trim() !== '',
                ),
              ),
              occurredAt: day(values.occurredAt),
            })
          }
        >
          <Typography.Paragraph type="secondary">
            新一届支部委员会共 {size} 名委员：{members.map((person) => person.name).join('、') || '—'}。
          </Typography.Paragraph>
          <PersonSelect name="chairMemberId" label="会议主持人（上届委员会推荐的新委员）" people={members} />
          <PersonSelect name="secretary" label="书记" people={members} />
          <MotionFields name="secretaryVotes" label="书记得票" />
          {view.state.request?.deputySecretary ? (
            <>
              <PersonSelect name="deputySecretary" label="副书记" people={members} required={false} />
              <MotionFields name="deputyVotes" label="副书记得票" />
            </>
          ) : null}
          <PersonSelect name="scrutineers" label="监票人（非书记、副书记候选人的委员）" people={members} multiple />
          <Form.Item label="委员分工">
            <Space direction="vertical" size={4}>
              {members.map((person) => (
                <Form.Item key={person.personId} name={['duties', person.personId]} noStyle>
                  <Input
                    addonBefore={person.name}
                    aria-label={`${person.name}的分工`}
                    placeholder="如：组织委员"
                    style={{ width: 300 }}
                    maxLength={50}
                  />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          {occurredAtField}
          <CommandButton command="ElectOfficers" pending={pending} />
        </Form>
      )}
    </Space>
  );
}

const DEVIATION_WORDS: Readonly<Record<string, string>> = {
  writeInElected: '另选他人当选',
  officerNotSlateCandidate: '当选书记、副书记不在候选人预备人选中',
  deputyNotElected: '未选出副书记',
  seatsReduced: '减少了应选名额',
};

/** 报告选举结果: the report's reference; the API works out how the result departs from the slate. */
export function ReportStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/report', 'ReportElectionResult');
  const report = view.state.report;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      <ElectedSummary />
      {report ? (
        <Descriptions size="small" bordered column={1} title="选举结果报告">
          <Descriptions.Item label="报告文号">{report.reportReference}</Descriptions.Item>
          <Descriptions.Item label="与候选人预备人选的差异">
            {report.deviations.length
              ? report.deviations
                  .map((deviation) =>
                    [
                      DEVIATION_WORDS[deviation.kind] ?? deviation.kind,
                      deviation.race ? RACE_LABELS[deviation.race] : '',
                      deviation.person?.name ?? '',
                      deviation.fromSeats !== undefined ? `${deviation.fromSeats}名减为${deviation.toSeats}名` : '',
                    ]
                      .filter(Boolean)
                      .join(' '),
                  )
                  .join('；')
              : '无'}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form<{ reportReference: string; occurredAt: dayjs.Dayjs }>
          name="report"
          layout="vertical"
          initialValues={{ occurredAt: dayjs(asOf) }}
          onFinish={(values) =>
            void submit({ reportReference: values.reportReference, occurredAt: day(values.occurredAt) })
          }
        >
          <Form.Item name="reportReference" label="报告文号" rules={[{ required: true, message: '请填写报告文号' }]}>
            <Input maxLength={100} style={{ maxWidth: 420 }} />
          </Form.Item>
          {occurredAtField}
          <CommandButton command="ReportElectionResult" pending={pending} />
        </Form>
      )}
    </Space>
  );
}

/** Who was elected: the committee and the officers. */
export function ElectedSummary() {
  const { view } = useElection();
  const committee = (view.state.races ?? []).find((race) => race.race === 'committee');
  const officers = view.state.officers;
  if (!committee && !officers) return null;
  return (
    <Descriptions size="small" bordered column={1} title="选举结果">
      {committee ? (
        <Descriptions.Item label="支部委员">
          {committee.elected.map((person) => `${person.name}（${person.votes}票）`).join('、') || '—'}
        </Descriptions.Item>
      ) : null}
      {officers ? <Descriptions.Item label="书记">{officers.secretary.name}</Descriptions.Item> : null}
      {officers?.deputySecretary ? (
        <Descriptions.Item label="副书记">{officers.deputySecretary.name}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

interface ResultApprovalValues {
  approvalReference: string;
  approvedOn: dayjs.Dayjs;
  filingReference?: string;
  decisionReference?: string;
  decision?: string;
}

/** 批准与备案: the superior approves the secretary and deputy and files the committee. */
export function ResultApprovalStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/approve-result',
    'ApproveElectionResult',
  );
  const approval = view.state.resultApproval;
  const committee = view.state.request?.committee ?? false;
  const deviates = (view.state.report?.deviations.length ?? 0) > 0;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      <ElectedSummary />
      {approval ? (
        <Descriptions size="small" bordered column={2} title="上级批准">
          <Descriptions.Item label="批准文号">{approval.approvalReference}</Descriptions.Item>
          <Descriptions.Item label="批准日期">{formatDate(approval.approvedOn)}</Descriptions.Item>
          <Descriptions.Item label="批准任职">
            {approval.approvedOfficers.map((person) => person.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="备案文号">{approval.filingReference ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Form<ResultApprovalValues>
          name="approve-result"
          layout="vertical"
          initialValues={{ approvedOn: dayjs(asOf) }}
          onFinish={(values) =>
            void submit({
              approvalReference: values.approvalReference,
              approvedOn: day(values.approvedOn),
              ...(values.filingReference?.trim() ? { filingReference: values.filingReference.trim() } : {}),
              ...(values.decisionReference?.trim() && values.decision?.trim()
                ? { superiorDecision: { reference: values.decisionReference.trim(), decision: values.decision.trim() } }
                : {}),
              occurredAt: day(values.approvedOn),
            })
          }
        >
          <Form.Item
            name="approvalReference"
            label="批准文号（书记、副书记）"
            rules={[{ required: true, message: '请填写批准文号' }]}
          >
            <Input maxLength={100} style={{ maxWidth: 360 }} />
          </Form.Item>
          <DateField name="approvedOn" label="批准日期" />
          {committee ? (
            <Form.Item
              name="filingReference"
              label="委员备案文号"
              rules={[{ required: true, message: '请填写备案文号' }]}
            >
              <Input maxLength={100} style={{ maxWidth: 360 }} />
            </Form.Item>
          ) : null}
          {deviates ? (
            <>
              <Alert
                type="warning"
                showIcon
                message="选举结果与审查同意的候选人预备人选不一致，须由上级党组织作出决定。"
              />
              <Form.Item name="decisionReference" label="上级决定文号">
                <Input maxLength={100} style={{ maxWidth: 360 }} />
              </Form.Item>
              <Form.Item name="decision" label="上级决定">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
          <CommandButton command="ApproveElectionResult" pending={pending} />
        </Form>
      )}
    </Space>
  );
}

/** 任职: the approved result installed on the branch; the posts as they stand once it is done. */
export function InstallationStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/request-installation',
    'RequestInstallation',
  );
  const installation = view.state.installation;
  const status = view.state.status;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      <ElectedSummary />
      {status === 'installing' ? (
        <Alert type="info" showIcon message="正在办理任职：结束上届职务、任命新当选人员……" />
      ) : null}
      {installation && status === 'installed' ? (
        <>
          <Alert
            type="success"
            showIcon
            message="换届完成"
            description={`新一届任期：${formatDate(installation.termStart)}至${formatDate(installation.termEnd)}（${installation.termYears}年）。`}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="postId"
            dataSource={installation.posts}
            title={() => <strong>任职情况</strong>}
            columns={[
              { title: '职务', render: (_, post) => POST_KIND_LABELS[post.kind] },
              { title: '分工', render: (_, post) => post.duty ?? '—' },
              { title: '任职人', render: (_, post) => post.holder.name },
            ]}
          />
        </>
      ) : status === 'resultApproved' ? (
        <Form<{ occurredAt: dayjs.Dayjs }>
          name="install"
          layout="vertical"
          initialValues={{ occurredAt: dayjs(asOf) }}
          onFinish={(values) => void submit({ occurredAt: day(values.occurredAt) })}
        >
          <Typography.Paragraph>
            办理任职后，上届书记、副书记和委员的职务结束，新当选人员按批准结果任职，任期按选举之日的规则计算。
          </Typography.Paragraph>
          {occurredAtField}
          <CommandButton command="RequestInstallation" pending={pending} />
        </Form>
      ) : null}
    </Space>
  );
}
