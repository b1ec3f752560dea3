import { Alert, Button, Card, Result, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { saveFile } from '../../api/download';
import type { components } from '../../api/schema';
import { useLoad } from '../../api/use-load';
import { formatDate, formatDateTime } from '../../format/dates';
import { eventTypeLabel } from '../../format/event-types';
import { HISTORY_BREAK_LABELS } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { useWrite } from '../../shell/use-write';
import { auditEvent, type AuditEvent } from './audit-data';

type Verification = components['schemas']['VerificationDto'];
type HistoryBreak = components['schemas']['HistoryBreakDto'];
type RecordedDigest = components['schemas']['RecordedDigestDto'];

/** 核验与摘要: recompute every hash chain now; record digests and keep them outside the system. */
export function VerificationPanel() {
  return (
    <Space direction="vertical" size="middle" className="screen">
      <VerifyCard />
      <DigestsCard />
    </Space>
  );
}

type Checked = { verification: Verification; first: AuditEvent | null } | { error: unknown };

function VerifyCard() {
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);

  const verify = async () => {
    setChecking(true);
    try {
      const { data } = await answer(api.GET('/audit/verify'));
      // Name the first broken event as the log knows it (the log keeps what was recorded).
      const firstId = data.breaks.find((b) => b.eventId !== null)?.eventId ?? null;
      const first = firstId ? await auditEvent(firstId).catch(() => null) : null;
      setChecked({ verification: data, first });
    } catch (error) {
      setChecked({ error });
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card size="small" title="核验历史记录">
      <Space direction="vertical" size="middle" className="screen">
        <Space>
          <Button type="primary" onClick={() => void verify()} loading={checking}>
            {checked ? '重新核验' : '开始核验'}
          </Button>
          <Typography.Text type="secondary">
            重新计算每个记录流的哈希链，找出被改动、缺失或顺序被调换的第一条事件。
          </Typography.Text>
        </Space>
        {checked && 'error' in checked ? <ProblemAlert error={checked.error} onReload={() => void verify()} /> : null}
        {checked && 'verification' in checked ? <VerifyResult {...checked} /> : null}
      </Space>
    </Card>
  );
}

function VerifyResult({ verification, first }: { verification: Verification; first: AuditEvent | null }) {
  const { digest } = verification;
  if (verification.ok) {
    return (
      <Result
        status="success"
        className="verify-result"
        title="历史记录完整，未发现改动"
        subTitle={`已核验 ${verification.streamsChecked} 个记录流的 ${verification.eventsChecked} 条事件，每条哈希链都完整。摘要根（截至第 ${digest.upToPosition ?? 0} 条）：${digest.merkleRoot}`}
      />
    );
  }
  const [firstBreak] = verification.breaks;
  return (
    <Space direction="vertical" size="middle" className="screen verify-result">
      <Alert
        type="error"
        showIcon
        message={`历史记录未通过核验：${verification.breaks.length} 个记录流有问题`}
        description={
          firstBreak ? (
            <>
              第一处：记录流 <span className="mono">{firstBreak.stream}</span> 第 {firstBreak.revision} 版事件
              {HISTORY_BREAK_LABELS[firstBreak.kind]}
              {first ? (
                <>
                  ——
                  <RouteLink to={`/audit/events/${first.eventId}`}>
                    {formatDate(first.occurredOn)}「{eventTypeLabel(first.type)}」：{first.descriptionZh}
                  </RouteLink>
                </>
              ) : null}
              。请立即报告系统管理员，并用保存在系统之外的摘要核对。
            </>
          ) : null
        }
      />
      <Table<HistoryBreak>
        size="small"
        rowKey={(b) => `${b.stream}-${b.revision}`}
        pagination={false}
        dataSource={[...verification.breaks]}
        columns={[
          { title: '记录流', dataIndex: 'stream', render: (stream: string) => <span className="mono">{stream}</span> },
          {
            title: '问题',
            dataIndex: 'kind',
            width: 120,
            render: (kind: HistoryBreak['kind']) => HISTORY_BREAK_LABELS[kind],
          },
          { title: '版本', dataIndex: 'revision', width: 80, render: (revision: number) => `第 ${revision} 版` },
          { title: '全局位置', dataIndex: 'position', width: 96, render: (position: number | null) => position ?? '—' },
          {
            title: '事件',
            dataIndex: 'eventId',
            width: 80,
            render: (eventId: string | null) =>
              eventId ? <RouteLink to={`/audit/events/${eventId}`}>详情</RouteLink> : '—',
          },
        ]}
      />
    </Space>
  );
}

/** A digest to keep outside the system: what `npm run cli -- verify --digest FILE` reads. */
function digestFile(content: object): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

function DigestsCard() {
  const digests = useLoad(
    useCallback(async () => {
      const { data } = await answer(api.GET('/audit/digests'));
      return data.items;
    }, []),
  );
  const [recorded, setRecorded] = useState<components['schemas']['DigestRecordingDto'] | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const { reload } = digests;
  const record = useWrite(
    useCallback(async (headers) => {
      const { data } = await answer(api.POST('/audit/digests', { headers: { ...headers() } }));
      return data;
    }, []),
    { onReload: reload },
  );

  const recordNow = async () => {
    const result = await record.run();
    if (result) {
      setRecorded(result);
      reload();
    }
  };

  const downloadCurrent = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const { data } = await answer(api.GET('/audit/digests/current'));
      saveFile(`历史摘要-截至第${data.digest.upToPosition ?? 0}条.json`, digestFile(data), 'application/json');
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  const items = digests.loaded && 'data' in digests.loaded ? [...digests.loaded.data].reverse() : [];
  return (
    <Card
      size="small"
      title="历史摘要"
      extra={
        <Space>
          <Button onClick={() => void recordNow()} loading={record.pending}>
            记录摘要
          </Button>
          <Button onClick={() => void downloadCurrent()} loading={downloading}>
            下载当前摘要（JSON）
          </Button>
        </Space>
      }
    >
      {record.contextHolder}
      <Space direction="vertical" size="middle" className="screen">
        <Typography.Text type="secondary">
          摘要是全部记录流末端哈希的默克尔根。把下载的 JSON 文件保存在系统之外（如刻盘、交档案室），日后可用命令
          <Typography.Text code>npm run cli -- verify --digest 文件</Typography.Text>
          证明历史在此之前未被改动。系统也会按设定的间隔自动记录摘要。
        </Typography.Text>
        {recorded ? (
          <Alert
            type={recorded.recorded ? 'success' : 'error'}
            showIcon
            closable
            onClose={() => setRecorded(null)}
            message={
              recorded.recorded
                ? `已记录摘要：截至第 ${recorded.digest.upToPosition ?? 0} 条，共 ${recorded.digest.eventCount} 条事件。`
                : `历史记录未通过核验（${recorded.breaks} 个记录流有问题），未记录摘要。`
            }
          />
        ) : null}
        {downloadError ? <ProblemAlert error={downloadError} /> : null}
        {digests.loaded && 'error' in digests.loaded ? (
          <ProblemAlert error={digests.loaded.error} onReload={reload} />
        ) : (
          <Table<RecordedDigest>
            size="small"
            rowKey="position"
            loading={!digests.loaded}
            pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={items}
            locale={{ emptyText: '尚未记录摘要' }}
            columns={[
              { title: '记录时间', dataIndex: 'recordedAt', width: 170, render: (at: string) => formatDateTime(at) },
              {
                title: '截至',
                dataIndex: 'upToPosition',
                width: 100,
                render: (position: number | null) => (position === null ? '—' : `第 ${position} 条`),
              },
              { title: '记录流', dataIndex: 'streamCount', width: 80, align: 'right' },
              { title: '事件', dataIndex: 'eventCount', width: 80, align: 'right' },
              {
                title: '摘要根',
                dataIndex: 'merkleRoot',
                render: (root: string) => (
                  <Typography.Text copyable className="mono hash">
                    {root}
                  </Typography.Text>
                ),
              },
              {
                title: '',
                key: 'download',
                width: 96,
                render: (_: unknown, digest: RecordedDigest) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      saveFile(
                        `历史摘要-截至第${digest.upToPosition ?? 0}条.json`,
                        digestFile({
                          digest: {
                            upToPosition: digest.upToPosition,
                            streamCount: digest.streamCount,
                            eventCount: digest.eventCount,
                            merkleRoot: digest.merkleRoot,
                          },
                          recordedAt: digest.recordedAt,
                        }),
                        'application/json',
                      )
                    }
                  >
                    下载 JSON
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
