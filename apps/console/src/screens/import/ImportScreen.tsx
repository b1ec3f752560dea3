import { Alert, Button, Card, DatePicker, Form, Progress, Space, Statistic, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDate, today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { importProgress, saveTemplate, sendWorkbook, type ImportProgress, type ImportReport } from './import-data';

const SHEET_KINDS: Readonly<Record<string, string>> = {
  committees: '党组织',
  branches: '支部',
  members: '党员',
  posts: '委员会任职',
  ignored: '未读取',
};

/**
 * 导入: the clerk chooses the bureau's workbook, sees the dry run (every problem by sheet, row,
 * column and value, and what would be recorded), and imports it once nothing stands in the way,
 * watching the events being stored.
 */
export default function ImportScreen() {
  const [asOf, setAsOf] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<unknown>(null);

  const dryRun = async (chosen: File, date: string) => {
    setFile(chosen);
    setReport(null);
    setError(null);
    setBusy('dry');
    try {
      setReport(await sendWorkbook(chosen, date, false));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy('apply');
    setError(null);
    const timer = window.setInterval(() => {
      importProgress().then(setProgress, () => undefined);
    }, 500);
    try {
      setReport(await sendWorkbook(file, asOf, true));
    } catch (problem) {
      setError(problem);
    } finally {
      window.clearInterval(timer);
      setProgress(null);
      setBusy(null);
    }
  };

  const ready = report !== null && !report.applied && report.problemCount === 0 && report.changeCount > 0;
  return (
    <Space direction="vertical" size="middle" className="screen import">
      <Typography.Paragraph type="secondary">
        选择按导入模板填写的工作簿（.xlsx，或 UTF-8 编码的 CSV），先试导入查看问题和将要记载的内容，确认无误后再导入。
        同一工作簿重复导入不会重复记载；修改后的工作簿只记载改动。
        <Button type="link" onClick={() => void saveTemplate().catch(setError)}>
          下载导入模板
        </Button>
      </Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label="记载日期" htmlFor="import-as-of">
          <DatePicker
            id="import-as-of"
            value={dayjs(asOf)}
            allowClear={false}
            format="YYYY年M月D日"
            onChange={(date: Dayjs | null) => {
              const chosen = date ? date.format('YYYY-MM-DD') : today();
              setAsOf(chosen);
              if (file) void dryRun(file, chosen);
            }}
          />
        </Form.Item>
        <Form.Item>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void dryRun(chosen, asOf);
              return false;
            }}
          >
            <Button loading={busy === 'dry'}>选择工作簿</Button>
          </Upload>
        </Form.Item>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Form>
      {error !== null && <ProblemAlert error={error} />}
      {busy === 'apply' && (
        <Card title="正在导入">
          <Progress
            percent={
              progress && progress.plannedEvents > 0
                ? Math.floor((progress.appendedEvents / progress.plannedEvents) * 100)
                : 0
            }
          />
        </Card>
      )}
      {report && <ImportReportView report={report} />}
      {report && !report.applied && (
        <Button
          type="primary"
          disabled={!ready || busy !== null}
          loading={busy === 'apply'}
          onClick={() => void apply()}
        >
          确认导入
        </Button>
      )}
    </Space>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {report.applied ? (
        <Alert
          type="success"
          showIcon
          message={`已导入：追加事件 ${report.appendedEvents} 个（记载日期${formatDate(report.asOf)}）。`}
        />
      ) : report.problemCount > 0 ? (
        <Alert type="error" showIcon message={`发现 ${report.problemCount} 处问题，改正前不能导入。`} />
      ) : report.changeCount === 0 ? (
        <Alert type="info" showIcon message="与系统记载一致，无需导入。" />
      ) : (
        <Alert type="info" showIcon message={`试导入：没有问题，将追加事件 ${report.plannedEvents} 个。`} />
      )}
      <Space wrap>
        {report.sheets.map((sheet) => (
          <Statistic
            key={sheet.name}
            title={`${sheet.name}（${SHEET_KINDS[sheet.kind] ?? sheet.kind}）`}
            value={sheet.rows}
            suffix="行"
          />
        ))}
      </Space>
      {report.problems.length > 0 && (
        <Table
          className="import-problems"
          size="small"
          rowKey={(_, index) => String(index)}
          pagination={{ pageSize: 50 }}
          dataSource={[...report.problems]}
          columns={[
            { title: '工作表', dataIndex: 'sheet' },
            { title: '行', dataIndex: 'row', render: (row: number | null) => row ?? '' },
            { title: '列', dataIndex: 'column', render: (column: string | null) => column ?? '' },
            { title: '内容', dataIndex: 'value', render: (value: string | null) => value ?? '' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
      {report.summary.length > 0 && (
        <Table
          className="import-summary"
          size="small"
          rowKey="action"
          pagination={false}
          dataSource={[...report.summary]}
          columns={[
            { title: report.applied ? '已记载' : '将记载', dataIndex: 'action' },
            { title: '数量', dataIndex: 'count' },
          ]}
        />
      )}
      {report.notes.map((note) => (
        <Typography.Text key={note} type="secondary">
          {note}
        </Typography.Text>
      ))}
    </Space>
  );
}
