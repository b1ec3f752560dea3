import { Button, Card, Checkbox, Col, Descriptions, Form, Input, Progress, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useElection } from './election-context';
import { quorumOf, type Quorum } from './ballot-tally';
import {
  CommandButton,
  day,
  MotionFields,
  occurredAtField,
  personsOf,
  PersonSelect,
  type PersonOption,
} from './form-parts';
import { useCommand } from './use-command';

const EXCLUSION_REASONS = {
  illnessPreventsExpression: '患病不能表达本人意志',
  abroadPrivately: '自费出国半年以上',
  servingSentence: '正在服刑',
  frailOrBedridden: '年老体弱卧床不起、长期生病生活不能自理',
  awayWithoutTransfer: '外出半年以上未按规定转移组织关系',
  retiredInHomeTown: '退休后长期在原籍居住未转移组织关系',
  floatingOnOwnApplication: '流动党员本人申请',
} as const;

/** The 4/5 gauge: voters present against those due, and whether the election may proceed. */
export function QuorumGauge({
  quorum,
  rule,
}: {
  quorum: Quorum;
  rule: { quorumNumerator: number; quorumDenominator: number };
}) {
  return (
    <Card size="small" title="到会情况" className="quorum-card">
      <Space size="large" align="center">
        <Progress
          type="dashboard"
          size={132}
          percent={Math.min(100, quorum.percent)}
          status={quorum.met ? 'success' : 'exception'}
          format={() => `${quorum.present}/${quorum.due}`}
          aria-label="到会比例"
        />
        <Space direction="vertical" size={2}>
          <Typography.Text>
            应到会有选举权的党员 <strong>{quorum.due}</strong> 名
          </Typography.Text>
          <Typography.Text>
            实到会有选举权的党员 <strong>{quorum.present}</strong> 名（{quorum.percent}%）
          </Typography.Text>
          <Typography.Text type="secondary">
            须达到应到会人数的{rule.quorumNumerator}/{rule.quorumDenominator}，即至少 {quorum.needed} 名
          </Typography.Text>
          <Typography.Text type={quorum.met ? 'success' : 'danger'} strong className="quorum-verdict">
            {quorum.met ? '到会人数符合规定，选举有效进行' : '到会人数不足，不能进行选举'}
          </Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

const MOTIONS = ['scrutineersApproval', 'electionMethodAdoption'] as const;

interface ConveneValues {
  exclusions?: { memberId?: string; reason?: keyof typeof EXCLUSION_REASONS; approvalReference?: string }[];
  present: string[];
  probationaryPresent?: string[];
  scrutineers: string[];
  scrutineersApproval: { for: number; against: number; abstain: number };
  tellers: string[];
  electionMethodAdoption: { for: number; against: number; abstain: number };
  occurredAt: dayjs.Dayjs;
}

/**
 * 召开党员大会: those due from the roll less the approved exclusions, who is present (the gauge
 * follows as names are ticked), the scrutineers approved by vote, the tellers, and the adoption
 * of the election method.
 */
export function ConveneForm() {
  const { view, roll, policy, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/assembly', 'ConveneMembersAssembly');
  const [form] = Form.useForm<ConveneValues>();
  const withRights: PersonOption[] = roll
    .filter((member) => member.membership === 'full' && !member.votingSuspended)
    .map((member) => ({ personId: member.memberId, name: member.name }));
  const probationary: PersonOption[] = roll
    .filter((member) => member.membership === 'probationary')
    .map((member) => ({ personId: member.memberId, name: member.name }));
  const exclusions = Form.useWatch('exclusions', form) ?? [];
  const excluded = new Set(exclusions.map((exclusion) => exclusion?.memberId).filter(Boolean));
  const due = withRights.filter((person) => !excluded.has(person.personId));
  const present = (
    (Form.useWatch('present', form) as string[] | undefined) ?? withRights.map((person) => person.personId)
  ).filter((id: string) => !excluded.has(id));
  const quorum = quorumOf(present.length, due.length, policy);
  const slate = view.state.slate;
  const candidates = new Set(
    [
      ...(slate?.committeeCandidates ?? []),
      ...(slate?.secretaryCandidates ?? []),
      ...(slate?.deputySecretaryCandidates ?? []),
    ].map((person) => person.personId),
  );
  const presentPeople = due.filter((person) => present.includes(person.personId));
  const nonCandidates = presentPeople.filter((person) => !candidates.has(person.personId));
  // The shows of hands follow the voters present until the clerk types a count (onValuesChange
  // hears only what the clerk does, not setFieldsValue).
  const typed = useRef(new Set<string>());
  useEffect(() => {
    const untyped = MOTIONS.filter((name) => !typed.current.has(name));
    form.setFieldsValue(
      Object.fromEntries(untyped.map((name) => [name, { for: present.length, against: 0, abstain: 0 }])),
    );
  }, [form, present.length]);
  const show = { for: withRights.length, against: 0, abstain: 0 };
  return (
    <Form<ConveneValues>
      form={form}
      name="convene"
      layout="vertical"
      initialValues={{
        present: withRights.map((person) => person.personId),
        exclusions: [],
        scrutineersApproval: show,
        electionMethodAdoption: show,
        occurredAt: dayjs(asOf),
      }}
      onValuesChange={(changed: Partial<ConveneValues>) => {
        for (const name of MOTIONS) if (name in changed) typed.current.add(name);
      }}
      onFinish={(values) =>
        void submit({
          exclusions: (values.exclusions ?? []).flatMap((exclusion) =>
            exclusion?.memberId && exclusion.reason && exclusion.approvalReference
              ? [
                  {
                    memberId: exclusion.memberId,
                    reason: exclusion.reason,
                    approvalReference: exclusion.approvalReference,
                  },
                ]
              : [],
          ),
          presentVoters: personsOf(present, withRights),
          nonVotingAttendees: personsOf(values.probationaryPresent, probationary).map((person) => ({
            person,
            kind: 'probationary' as const,
          })),
          scrutineers: personsOf(values.scrutineers, withRights),
          scrutineersApproval: values.scrutineersApproval,
          tellers: personsOf(values.tellers, withRights),
          electionMethodAdoption: values.electionMethodAdoption,
          occurredAt: day(values.occurredAt),
        })
      }
    >
      {contextHolder}
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="应到会与实到会">
            <Form.List name="exclusions">
              {(fields, { add, remove }) => (
                <Space direction="vertical" size={4} className="screen">
                  <Typography.Text>经上级同意、党员大会通过不列入应到会人数的党员：</Typography.Text>
                  {fields.map((field) => (
                    <Space key={field.key} size={4} wrap>
                      <Form.Item name={[field.name, 'memberId']} noStyle>
                        <Select
                          aria-label="不列入应到会的党员"
                          placeholder="党员"
                          style={{ width: 110 }}
                          options={withRights.map((p) => ({ value: p.personId, label: p.name }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reason']} noStyle>
                        <Select
                          aria-label="不列入的情形"
                          placeholder="情形"
                          style={{ width: 220 }}
                          options={Object.entries(EXCLUSION_REASONS).map(([value, label]) => ({ value, label }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'approvalReference']} noStyle>
                        <Input aria-label="上级同意文号" placeholder="上级同意文号" style={{ width: 180 }} />
                      </Form.Item>
                      <Button size="small" onClick={() => remove(field.name)}>
                        移除
                      </Button>
                    </Space>
                  ))}
                  <Button size="small" onClick={() => add({})}>
                    添加不列入应到会的党员
                  </Button>
                </Space>
              )}
            </Form.List>
            <Form.Item
              name="present"
              label={`实到会有选举权的党员（应到会 ${due.length} 名，未到会的请取消勾选）`}
              className="present-voters"
            >
              <Checkbox.Group options={due.map((person) => ({ value: person.personId, label: person.name }))} />
            </Form.Item>
            {probationary.length ? (
              <Form.Item name="probationaryPresent" label="列席的预备党员（无表决权）">
                <Checkbox.Group
                  options={probationary.map((person) => ({ value: person.personId, label: person.name }))}
                />
              </Form.Item>
            ) : null}
          </Card>
        </Col>
        <Col span={10}>
          <QuorumGauge quorum={quorum} rule={policy} />
        </Col>
      </Row>
      <Card size="small" title="监票人、计票人与选举办法" className="convene-officials">
        <PersonSelect name="scrutineers" label="监票人（到会的非候选人党员）" people={nonCandidates} multiple />
        <MotionFields name="scrutineersApproval" label="通过监票人名单的表决" />
        <PersonSelect name="tellers" label="计票人（非候选人）" people={nonCandidates} multiple />
        <MotionFields name="electionMethodAdoption" label="通过选举办法的表决" />
        {occurredAtField}
        <CommandButton command="ConveneMembersAssembly" pending={pending} />
      </Card>
    </Form>
  );
}

/** The assembly as convened: who was due, who came, who counted and watched. */
export function AssemblySummary() {
  const { view } = useElection();
  const assembly = view.state.assembly;
  if (!assembly) return null;
  const names = (people: readonly { name: string }[]) => people.map((person) => person.name).join('、') || '—';
  const presentIds = new Set(assembly.presentVoters.map((person) => person.personId));
  return (
    <Card size="small" title="党员大会" className="assembly-summary">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="实到会">{names(assembly.presentVoters)}</Descriptions.Item>
        <Descriptions.Item label="未到会">
          {names(assembly.dueVoters.filter((person) => !presentIds.has(person.personId)))}
        </Descriptions.Item>
        <Descriptions.Item label="监票人">{names(assembly.scrutineers)}</Descriptions.Item>
        <Descriptions.Item label="计票人">{names(assembly.tellers)}</Descriptions.Item>
        {assembly.exclusions.length ? (
          <Descriptions.Item label="不列入应到会" span={2}>
            {assembly.exclusions
              .map(
                (exclusion) =>
                  assembly.roll.find((entry) => entry.memberId === exclusion.memberId)?.name ?? exclusion.memberId,
              )
              .join('、')}
          </Descriptions.Item>
        ) : null}
        {assembly.nonVotingAttendees.length ? (
          <Descriptions.Item label="列席（无表决权）" span={2}>
            {names(assembly.nonVotingAttendees.map((attendee) => attendee.person))}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
