import { Form, Input, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useElection } from './election-context';
import { CommandButton, DateField, day, occurredAtField } from './form-parts';
import { useCommand } from './use-command';

interface ShiftValues {
  direction: 'postpone' | 'bringForward';
  newDate: dayjs.Dayjs;
  reason: string;
  approvalReference: string;
  occurredAt: dayjs.Dayjs;
}

/** 延期换届 / 提前换届: a new date with the superior's approval (RULES §1.1, at most the policy's limit). */
export function ShiftForm() {
  const { asOf } = useElection();
  const postpone = useCommand('/elections/{electionId}/postpone', 'PostponeElection');
  const bringForward = useCommand('/elections/{electionId}/bring-forward', 'BringElectionForward');
  const [form] = Form.useForm<ShiftValues>();
  const direction = Form.useWatch('direction', form) ?? 'postpone';
  const chosen = direction === 'postpone' ? postpone : bringForward;
  return (
    <Form<ShiftValues>
      form={form}
      name="shift"
      layout="vertical"
      initialValues={{ direction: 'postpone', newDate: dayjs(asOf).add(3, 'month'), occurredAt: dayjs(asOf) }}
      onFinish={(values) =>
        void chosen.submit({
          newDate: day(values.newDate),
          reason: values.reason,
          approvalReference: values.approvalReference,
          occurredAt: day(values.occurredAt),
        })
      }
    >
      {postpone.contextHolder}
      {bringForward.contextHolder}
      <Form.Item name="direction" label="调整方式">
        <Radio.Group
          options={[
            { value: 'postpone', label: '延期换届' },
            { value: 'bringForward', label: '提前换届' },
          ]}
        />
      </Form.Item>
      <DateField name="newDate" label="新的换届日期" />
      <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="approvalReference"
        label="上级批准文号"
        rules={[{ required: true, message: '请填写上级批准文号' }]}
      >
        <Input maxLength={100} style={{ maxWidth: 360 }} />
      </Form.Item>
      {occurredAtField}
      <CommandButton
        command={direction === 'postpone' ? 'PostponeElection' : 'BringElectionForward'}
        pending={chosen.pending}
      />
    </Form>
  );
}

/** 取消换届, with the reason (a branch merged away, say). */
export function CancelForm() {
  const { asOf } = useElection();
  const { submit, pending, contextHolder } = useCommand('/elections/{electionId}/cancel', 'CancelElection');
  return (
    <Form<{ reason: string; occurredAt: dayjs.Dayjs }>
      name="cancel"
      layout="vertical"
      initialValues={{ occurredAt: dayjs(asOf) }}
      onFinish={(values) => void submit({ reason: values.reason, occurredAt: day(values.occurredAt) })}
    >
      {contextHolder}
      <Typography.Paragraph type="secondary">取消后本次换届不再办理，已有记录保留备查。</Typography.Paragraph>
      <Form.Item name="reason" label="取消理由" rules={[{ required: true, message: '请填写取消理由' }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {occurredAtField}
      <CommandButton command="CancelElection" pending={pending} />
    </Form>
  );
}

/** The election's other acts, out of the steps' order. */
export function OtherActions() {
  return (
    <Space direction="vertical" size="middle" className="screen">
      <ShiftForm />
      <CancelForm />
    </Space>
  );
}
