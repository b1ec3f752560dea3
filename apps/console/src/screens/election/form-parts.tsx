import { Alert, Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSyncExternalStore, type ReactNode } from 'react';
import { currentSession, subscribeSession } from '../../auth/session';
import { useElection } from './election-context';
import { actionOf, COMMAND_LABELS, type CommandType } from './election-steps';

export const DATE_FORMAT = 'YYYY年M月D日';

/** A calendar date as the API takes it. */
export const day = (value: Dayjs | null | undefined): string => (value ?? dayjs()).format('YYYY-MM-DD');

/** A labelled date field, as clerks write dates. */
export function DateField({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <DatePicker format={DATE_FORMAT} allowClear={!required} style={{ width: 180 }} />
    </Form.Item>
  );
}

/** The day an act took effect; defaults to the day the screen judges by. */
export const occurredAtField = <DateField name="occurredAt" label="办理日期" />;

/**
 * A step's button: enabled when the API says the command may run now, otherwise disabled with
 * the rule's sentence beside it (the API's words, in Chinese).
 */
export function CommandButton({
  command,
  pending,
  label,
  htmlType = 'submit',
  onClick,
}: {
  command: CommandType;
  pending: boolean;
  label?: string;
  htmlType?: 'submit' | 'button';
  onClick?: () => void;
}) {
  const { view } = useElection();
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  // The API lets only administrators send election commands; others see why the button is off.
  const action =
    session?.role === 'admin'
      ? actionOf(view, command)
      : { command, allowed: false, reason: '只有管理员可以办理换届的各项步骤；您可以查看记录。' };
  return (
    <Space direction="vertical" size={8} className="command-button">
      {/* The spinner only for a write that takes a while: a quick one would flash it (and leave
          its exiting icon in the button, read out as "loading" by a screen reader). */}
      <Button
        type="primary"
        htmlType={htmlType}
        disabled={!action.allowed}
        loading={pending ? { delay: 300 } : false}
        onClick={onClick}
      >
        {label ?? COMMAND_LABELS[command]}
      </Button>
      {action.allowed ? null : (
        <Alert
          type="info"
          showIcon
          className="blocked-reason"
          message={`暂不能${label ?? COMMAND_LABELS[command]}`}
          description={action.reason}
        />
      )}
    </Space>
  );
}

/** A show of hands on a motion: for, against, abstain. */
export function MotionFields({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item label={label} required>
      <Space size={8} wrap>
        {(
          [
            ['for', '赞成'],
            ['against', '反对'],
            ['abstain', '弃权'],
          ] as const
        ).map(([key, word]) => (
          <Form.Item key={key} name={[name, key]} noStyle rules={[{ required: true, message: `请填写${word}票数` }]}>
            <InputNumber
              min={0}
              max={10000}
              precision={0}
              addonBefore={word}
              aria-label={`${label}：${word}`}
              style={{ width: 130 }}
            />
          </Form.Item>
        ))}
      </Space>
    </Form.Item>
  );
}

export interface PersonOption {
  readonly personId: string;
  readonly name: string;
}

/** A labelled choice of people, by name; several when `multiple`. */
export function PersonSelect({
  name,
  label,
  people,
  multiple = false,
  required = true,
  extra,
}: {
  name: string | (string | number)[];
  label: string;
  people: readonly PersonOption[];
  multiple?: boolean;
  required?: boolean;
  extra?: ReactNode;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message: `请选择${label}` }] : []}
    >
      <Select
        mode={multiple ? 'multiple' : undefined}
        allowClear={!required}
        showSearch
        optionFilterProp="label"
        placeholder="按姓名选择"
        options={people.map((person) => ({ value: person.personId, label: person.name }))}
        style={{ minWidth: 160, maxWidth: 520 }}
      />
    </Form.Item>
  );
}

/** The people chosen by id, with their names, in the order chosen. */
export function personsOf(
  ids: readonly string[] | string | undefined,
  people: readonly PersonOption[],
): PersonOption[] {
  const list = ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  return list.flatMap((id) => {
    const person = people.find((candidate) => candidate.personId === id);
    return person ? [{ personId: person.personId, name: person.name }] : [];
  });
}
