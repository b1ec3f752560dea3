import { Button, Card, Collapse, DatePicker, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { today } from '../../format/dates';
import { useWrite } from '../../shell/use-write';
import type { RestructuringDetail } from './restructuring-detail-data';

const LABELS = { labelCol: { flex: '132px' }, wrapperCol: { flex: 'auto' } } as const;

/** A labelled business day: the date the act is recorded on (YYYY-MM-DD). */
function DayField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
}) {
  return (
    <Form.Item label={label} htmlFor={id} required>
      <DatePicker
        id={id}
        value={dayjs(value)}
        allowClear={false}
        format="YYYY年M月D日"
        onChange={(date) => date && onChange(date.format('YYYY-MM-DD'))}
        disabledDate={(date) => date.isAfter(dayjs(), 'day')}
      />
    </Form.Item>
  );
}

/** 批准: the superior's decision, recorded with the revision the page was read at. */
export function ApproveStep({ detail, onDone }: { detail: RestructuringDetail; onDone: () => void }) {
  const restructuringId = detail.view.restructuringId ?? '';
  const [approvedBy, setApprovedBy] = useState('');
  const [documentReference, setDocumentReference] = useState('');
  const [approvedOn, setApprovedOn] = useState(today());
  const write = useWrite(
    useCallback(
      async (headers) =>
        (
          await answer(
            api.POST('/restructurings/{restructuringId}/approve', {
              params: { path: { restructuringId }, header: headers(detail.revision) },
              body: {
                approvedBy: approvedBy.trim(),
                documentReference: documentReference.trim(),
                approvedOn,
                occurredAt: approvedOn,
              },
            }),
          )
        ).data,
      [restructuringId, detail.revision, approvedBy, documentReference, approvedOn],
    ),
    { onReload: onDone },
  );
  const ready = approvedBy.trim() !== '' && documentReference.trim() !== '';
  const submit = async () => {
    if (await write.run()) onDone();
  };
  return (
    <Card size="small" title="第三步：录入上级批准">
      {write.contextHolder}
      <Form layout="horizontal" {...LABELS} className="wizard-form">
        <Form.Item label="批准机关" htmlFor="approved-by" required>
          <Input
            id="approved-by"
            maxLength={100}
            placeholder="如：孝义市离退休干部党委"
            value={approvedBy}
            onChange={(event) => setApprovedBy(event.target.value)}
          />
        </Form.Item>
        <Form.Item label="批准文号" htmlFor="approval-reference" required>
          <Input
            id="approval-reference"
            maxLength={100}
            placeholder="如：孝离退党字〔2023〕12号"
            value={documentReference}
            onChange={(event) => setDocumentReference(event.target.value)}
          />
        </Form.Item>
        <DayField id="approved-on" label="批准日期" value={approvedOn} onChange={setApprovedOn} />
        <div className="wizard-actions">
          <Button type="primary" disabled={!ready} loading={write.pending} onClick={() => void submit()}>
            批准方案
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** 执行: freezes the plan against the roll; the API moves the members in the background. */
export function ExecuteStep({ detail, onDone }: { detail: RestructuringDetail; onDone: () => void }) {
  const restructuringId = detail.view.restructuringId ?? '';
  const [executedOn, setExecutedOn] = useState(today());
  const write = useWrite(
    useCallback(
      async (headers) =>
        (
          await answer(
            api.POST('/restructurings/{restructuringId}/execute', {
              params: { path: { restructuringId }, header: headers(detail.revision) },
              body: { occurredAt: executedOn },
            }),
          )
        ).data,
      [restructuringId, detail.revision, executedOn],
    ),
    { onReload: onDone },
  );
  const submit = async () => {
    if (await write.run()) onDone();
  };
  return (
    <Card size="small" title="第四步：执行调整">
      {write.contextHolder}
      <Typography.Paragraph>
        开始执行后，系统按当时的花名册逐一转接 {detail.moves.length} 名党员的组织关系
        {detail.view.plan?.kind === 'redraw' ? '' : '，再撤销原党支部（其职务随之终止）'}
        ，并重新核定各党支部的设置情况。 执行一旦开始不能放弃。
      </Typography.Paragraph>
      <Form layout="horizontal" {...LABELS} className="wizard-form">
        <DayField id="executed-on" label="执行日期" value={executedOn} onChange={setExecutedOn} />
        <div className="wizard-actions">
          <Button type="primary" loading={write.pending} onClick={() => void submit()}>
            开始执行
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** 放弃: a restructuring not yet executing may be given up, with a reason. */
export function AbandonStep({ detail, onDone }: { detail: RestructuringDetail; onDone: () => void }) {
  const restructuringId = detail.view.restructuringId ?? '';
  const [reason, setReason] = useState('');
  const [abandonedOn, setAbandonedOn] = useState(today());
  const write = useWrite(
    useCallback(
      async (headers) =>
        (
          await answer(
            api.POST('/restructurings/{restructuringId}/abandon', {
              params: { path: { restructuringId }, header: headers(detail.revision) },
              body: { reason: reason.trim(), occurredAt: abandonedOn },
            }),
          )
        ).data,
      [restructuringId, detail.revision, reason, abandonedOn],
    ),
    { onReload: onDone },
  );
  const submit = async () => {
    if (await write.run()) onDone();
  };
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'abandon',
          label: '放弃此方案',
          children: (
            <Form layout="horizontal" {...LABELS} className="wizard-form">
              {write.contextHolder}
              <Form.Item label="放弃原因" htmlFor="abandon-reason" required>
                <Input.TextArea
                  id="abandon-reason"
                  rows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                />
              </Form.Item>
              <DayField id="abandoned-on" label="放弃日期" value={abandonedOn} onChange={setAbandonedOn} />
              <div className="wizard-actions">
                <Button danger disabled={reason.trim() === ''} loading={write.pending} onClick={() => void submit()}>
                  放弃方案
                </Button>
              </div>
            </Form>
          ),
        },
      ]}
    />
  );
}
