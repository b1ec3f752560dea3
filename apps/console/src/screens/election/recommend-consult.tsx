import { Form, Input, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
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
import { useCommand } from './use-command';

interface RecommendValues {
  nominee: string;
  forPost: Race;
  recommendedBy: string[];
  occurredAt: dayjs.Dayjs;
}

/** 老干部推荐: who the veteran cadres recommended, and who recommended them. */
export function RecommendForm({ members, races }: { members: readonly PersonOption[]; races: readonly Race[] }) {
  const { view, asOf, roll } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/recommendations',
    'RecommendCandidate',
  );
  const everyone = roll.map((member) => ({ personId: member.memberId, name: member.name }));
  const recommendations = view.state.nominations?.recommendations ?? [];
  return (
    <Form<RecommendValues>
      name="recommend"
      layout="vertical"
      initialValues={{ forPost: races[0], occurredAt: dayjs(asOf) }}
      onFinish={(values) => {
        const [nominee] = personsOf(values.nominee, members);
        if (!nominee) return;
        void submit({
          nominee,
          forPost: values.forPost,
          recommendedBy: personsOf(values.recommendedBy, everyone),
          occurredAt: day(values.occurredAt),
        });
      }}
    >
      {contextHolder}
      <Typography.Title level={5}>老干部推荐</Typography.Title>
      {recommendations.length ? (
        <Typography.Paragraph>
          已记录：
          {recommendations
            .map(
              (entry) => `${entry.nominee.name}（${RACE_LABELS[entry.forPost]}，${entry.recommendedBy.length}人推荐）`,
            )
            .join('；')}
        </Typography.Paragraph>
      ) : null}
      <Space size={16} wrap align="start">
        <PersonSelect name="nominee" label="被推荐人" people={members} />
        <Form.Item name="forPost" label="职务">
          <Radio.Group options={races.map((race) => ({ value: race, label: RACE_LABELS[race] }))} />
        </Form.Item>
      </Space>
      <PersonSelect name="recommendedBy" label="推荐人" people={everyone} multiple />
      {occurredAtField}
      <CommandButton command="RecommendCandidate" pending={pending} label="记录推荐" />
    </Form>
  );
}

interface ConsultValues {
  memberId?: string;
  community: string;
  opinion: string;
  on: dayjs.Dayjs;
}

/** 社区参与: the community party organisation's opinion on a nominee, or on the whole slate. */
export function ConsultForm({ nominees }: { nominees: readonly PersonOption[] }) {
  const { view, asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand(
    '/elections/{electionId}/community-consultation',
    'ConsultCommunity',
  );
  const consultations = view.state.nominations?.consultations ?? [];
  return (
    <Form<ConsultValues>
      name="consult"
      layout="vertical"
      initialValues={{ on: dayjs(asOf) }}
      onFinish={(values) =>
        void submit({
          ...(values.memberId ? { memberId: values.memberId } : {}),
          community: values.community,
          opinion: values.opinion,
          on: day(values.on),
          occurredAt: day(values.on),
        })
      }
    >
      {contextHolder}
      <Typography.Title level={5}>征求社区意见</Typography.Title>
      {consultations.length ? (
        <Typography.Paragraph>
          已征求：
          {consultations
            .map((entry) => `${entry.community}（${entry.nominee ? entry.nominee.name : '全部人选'}）`)
            .join('；')}
        </Typography.Paragraph>
      ) : null}
      <PersonSelect name="memberId" label="针对人选（不选则针对全部人选）" people={nominees} required={false} />
      <Form.Item name="community" label="社区党组织" rules={[{ required: true, message: '请填写社区党组织' }]}>
        <Input maxLength={200} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item name="opinion" label="意见" rules={[{ required: true, message: '请填写意见' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <DateField name="on" label="日期" />
      <CommandButton command="ConsultCommunity" pending={pending} label="记录社区意见" />
    </Form>
  );
}
