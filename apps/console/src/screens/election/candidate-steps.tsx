import { Button, Collapse, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../format/dates';
import { useElection } from './election-context';
import { RACE_LABELS, type Race } from './election-steps';
import {
  CommandButton,
  DateField,
  day,
  occurredAtField,
  personsOf,
  PersonSelect,
  type PersonOption,
} from './form-parts';
import { ConsultForm, RecommendForm } from './recommend-consult';
import { useCommand } from './use-command';

const VETTING_LABELS = { talk: '谈心谈话', visit: '走访了解', survey: '多方调研', mobilisation: '动员' } as const;

/** The members who may be nominated: full members whose voting rights stand. */
export function useEligibleMembers(): PersonOption[] {
  const { roll } = useElection();
  return roll
    .filter((member) => member.membership === 'full' && !member.votingSuspended)
    .map((member) => ({ personId: member.memberId, name: member.name }));
}

/** The races this election holds: committee members, or the secretary (and deputy) directly. */
export function racesOf(request: { committee: boolean; deputySecretary: boolean } | undefined): Race[] {
  if (!request) return [];
  return request.committee
    ? ['committee', 'secretary', ...(request.deputySecretary ? (['deputySecretary'] as const) : [])]
    : ['secretary', ...(request.deputySecretary ? (['deputySecretary'] as const) : [])];
}

interface NominateValues {
  nominee: string;
  forPost: Race;
  nominatedBy: string;
  occurredAt: dayjs.Dayjs;
}

interface VetValues {
  memberId: string;
  method: keyof typeof VETTING_LABELS;
  by: string;
  notes: string;
  on: dayjs.Dayjs;
}

/** 推荐提名: nominations inside the party, and the vetting talks and visits. */
export function NominationStep({ onNext }: { onNext: () => void }) {
  const { view, asOf } = useElection();
  const members = useEligibleMembers();
  const nominations = view.state.nominations;
  const nominate = useCommand('/elections/{electionId}/nominations', 'NominateCandidate');
  const vet = useCommand('/elections/{electionId}/vetting', 'VetCandidate');
  const [nominateForm] = Form.useForm<NominateValues>();
  const races = racesOf(view.state.request);
  const nominees = uniquePeople((nominations?.nominees ?? []).map((entry) => entry.nominee));
  return (
    <Space direction="vertical" size="middle" className="screen">
      {nominate.contextHolder}
      {vet.contextHolder}
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => `${row.nominee.personId}-${row.forPost}`}
        dataSource={nominations?.nominees ?? []}
        locale={{ emptyText: '尚未提名' }}
        title={() => <strong>已提名</strong>}
        columns={[
          { title: '被提名人', render: (_, row) => row.nominee.name },
          { title: '职务', render: (_, row) => RACE_LABELS[row.forPost] },
          { title: '提名方', dataIndex: 'nominatedBy' },
          {
            title: '老干部推荐',
            render: (_, row) => {
              const count = (nominations?.recommendations ?? [])
                .filter((entry) => entry.nominee.personId === row.nominee.personId && entry.forPost === row.forPost)
                .reduce((sum, entry) => sum + entry.recommendedBy.length, 0);
              return count ? `${count} 人` : '—';
            },
          },
          {
            title: '考察',
            render: (_, row) =>
              (nominations?.vettings ?? [])
                .filter((vetting) => vetting.nominee.personId === row.nominee.personId)
                .map((vetting) => (
                  <Tag key={`${vetting.method}-${vetting.on}`} bordered={false}>
                    {VETTING_LABELS[vetting.method]} {formatDate(vetting.on)}
                  </Tag>
                )),
          },
        ]}
      />
      <Typography.Title level={5}>党内提名</Typography.Title>
      <Form<NominateValues>
        form={nominateForm}
        name="nominate"
        layout="inline"
        className="inline-form"
        initialValues={{ forPost: races[0], nominatedBy: '上届支部委员会', occurredAt: dayjs(asOf) }}
        onFinish={(values) => {
          const [nominee] = personsOf(values.nominee, members);
          if (!nominee) return;
          const body = {
            nominee,
            forPost: values.forPost,
            nominatedBy: values.nominatedBy,
            occurredAt: day(values.occurredAt),
          };
          void nominate.submit(body).then((done) => done && nominateForm.resetFields(['nominee']));
        }}
      >
        <PersonSelect name="nominee" label="被提名人" people={members} />
        <Form.Item name="forPost" label="职务">
          <Radio.Group options={races.map((race) => ({ value: race, label: RACE_LABELS[race] }))} />
        </Form.Item>
        <Form.Item name="nominatedBy" label="提名方" rules={[{ required: true, message: '请填写提名方' }]}>
          <Input maxLength={200} style={{ width: 160 }} />
        </Form.Item>
        {occurredAtField}
        <CommandButton command="NominateCandidate" pending={nominate.pending} label="提名" />
      </Form>
      <Typography.Title level={5}>考察谈话</Typography.Title>
      <Form<VetValues>
        name="vet"
        layout="inline"
        className="inline-form"
        initialValues={{ method: 'talk', by: '换届工作指导组', on: dayjs(asOf) }}
        onFinish={(values) =>
          void vet.submit({
            memberId: values.memberId,
            method: values.method,
            by: values.by,
            notes: values.notes,
            on: day(values.on),
            occurredAt: day(values.on),
          })
        }
      >
        <PersonSelect name="memberId" label="考察对象" people={nominees} />
        <Form.Item name="method" label="方式">
          <Radio.Group options={Object.entries(VETTING_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="by" label="考察人" rules={[{ required: true, message: '请填写考察人' }]}>
          <Input maxLength={200} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="notes" label="考察情况" rules={[{ required: true, message: '请填写考察情况' }]}>
          <Input maxLength={2000} style={{ width: 260 }} />
        </Form.Item>
        <DateField name="on" label="日期" />
        <CommandButton command="VetCandidate" pending={vet.pending} label="记录考察" />
      </Form>
      <Collapse
        size="small"
        items={[
          {
            key: 'more',
            label: '老干部推荐、征求社区意见',
            children: (
              <Space direction="vertical" size="large" className="screen">
                <RecommendForm members={members} races={races} />
                <ConsultForm nominees={nominees} />
              </Space>
            ),
          },
        ]}
      />
      <Button onClick={onNext}>下一步：候选人预备人选</Button>
    </Space>
  );
}

const uniquePeople = (people: readonly PersonOption[]): PersonOption[] =>
  people.filter((person, index) => people.findIndex((other) => other.personId === person.personId) === index);

interface SlateValues {
  committeeCandidates?: string[];
  secretaryCandidates: string[];
  deputySecretaryCandidates?: string[];
  occurredAt: dayjs.Dayjs;
}

/** 候选人预备人选: the candidates in ballot order, chosen from the nominees. */
export function SlateStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/slate', 'SubmitCandidateSlate');
  const request = view.state.request;
  const nominees = view.state.nominations?.nominees ?? [];
  const nomineesFor = (races: readonly Race[]) =>
    uniquePeople(nominees.filter((entry) => races.includes(entry.forPost)).map((entry) => entry.nominee));
  const everyone = uniquePeople(nominees.map((entry) => entry.nominee));
  const slate = view.state.slate;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {slate ? <SlateSummary slate={slate} /> : null}
      <Form<SlateValues>
        name="slate"
        layout="vertical"
        initialValues={{
          committeeCandidates: slate?.committeeCandidates.map((person) => person.personId),
          secretaryCandidates: slate?.secretaryCandidates.map((person) => person.personId) ?? [],
          deputySecretaryCandidates: slate?.deputySecretaryCandidates.map((person) => person.personId),
          occurredAt: dayjs(asOf),
        }}
        onFinish={(values) =>
          void submit({
            committeeCandidates: personsOf(values.committeeCandidates, everyone),
            secretaryCandidates: personsOf(values.secretaryCandidates, everyone),
            deputySecretaryCandidates: personsOf(values.deputySecretaryCandidates, everyone),
            occurredAt: day(values.occurredAt),
          })
        }
      >
        {request?.committee ? (
          <PersonSelect
            name="committeeCandidates"
            label="支部委员候选人"
            people={everyone}
            multiple
            extra={`应选 ${request.committeeSeats} 名，差额选举至少 ${request.minimumCommitteeCandidates} 名候选人；选票上按姓氏笔画排列。`}
          />
        ) : null}
        <PersonSelect
          name="secretaryCandidates"
          label="书记候选人"
          people={request?.committee ? everyone : nomineesFor(['secretary'])}
          multiple
        />
        {request?.deputySecretary ? (
          <PersonSelect
            name="deputySecretaryCandidates"
            label="副书记候选人"
            people={request.committee ? everyone : nomineesFor(['deputySecretary'])}
            multiple
          />
        ) : null}
        {occurredAtField}
        <CommandButton command="SubmitCandidateSlate" pending={pending} label={slate ? '重新报送' : undefined} />
      </Form>
    </Space>
  );
}

export function SlateSummary({
  slate,
}: {
  slate: {
    committeeCandidates: PersonOption[];
    secretaryCandidates: PersonOption[];
    deputySecretaryCandidates: PersonOption[];
  };
}) {
  const names = (people: readonly PersonOption[]) =>
    people.length ? people.map((person) => person.name).join('、') : '—';
  return (
    <Descriptions size="small" bordered column={1} title="候选人预备人选">
      {slate.committeeCandidates.length ? (
        <Descriptions.Item label="支部委员候选人">{names(slate.committeeCandidates)}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label="书记候选人">{names(slate.secretaryCandidates)}</Descriptions.Item>
      {slate.deputySecretaryCandidates.length ? (
        <Descriptions.Item label="副书记候选人">{names(slate.deputySecretaryCandidates)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

interface SlateApprovalValues {
  approvalReference: string;
  approvedOn: dayjs.Dayjs;
}

/** 审查同意: the superior's consent to the slate, its order kept. */
export function SlateApprovalStep() {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/approve-slate',
    'ApproveCandidateSlate',
  );
  const slate = view.state.slate;
  const approval = view.state.slateApproval;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {contextHolder}
      {slate ? (
        <SlateSummary slate={slate} />
      ) : (
        <Typography.Text type="secondary">尚未报送候选人预备人选。</Typography.Text>
      )}
      {approval ? (
        <Descriptions size="small" bordered column={2} title="上级审查意见">
          <Descriptions.Item label="文号">{approval.approvalReference}</Descriptions.Item>
          <Descriptions.Item label="同意日期">{formatDate(approval.approvedOn)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form<SlateApprovalValues>
        name="approve-slate"
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
        <Form.Item name="approvalReference" label="审查同意文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input maxLength={100} placeholder="如：孝老干党字〔2023〕15号" style={{ maxWidth: 360 }} />
        </Form.Item>
        <DateField name="approvedOn" label="同意日期" />
        <CommandButton command="ApproveCandidateSlate" pending={pending} />
      </Form>
    </Space>
  );
}
