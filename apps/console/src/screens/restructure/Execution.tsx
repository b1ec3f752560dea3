import { Alert, Card, Progress, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { formatDate } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { movedSoFar } from './restructure-data';
import { restructuringView, type RestructuringDetail } from './restructuring-detail-data';

/** How often a running execution is asked about: members move within seconds. */
const POLL_MS = 1000;

/**
 * The execution as the API carries it out in the background: asks every second how many members
 * are on their new branch's roll, until the restructuring says it is completed.
 */
export function ExecutionProgress({ detail, onFinished }: { detail: RestructuringDetail; onFinished: () => void }) {
  const restructuringId = detail.view.restructuringId ?? '';
  const total = detail.moves.length;
  const [moved, setMoved] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const [{ data: view }, done] = await Promise.all([
          restructuringView(restructuringId),
          movedSoFar(detail.moves, detail.plannedBranchIds),
        ]);
        if (stopped) return;
        setMoved(done.size);
        setError(null);
        if (view.status !== 'executing') {
          onFinished();
          return;
        }
      } catch (failure) {
        if (stopped) return;
        setError(failure);
      }
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [restructuringId, detail.moves, detail.plannedBranchIds, onFinished]);

  return (
    <Card size="small" title="第四步：正在执行">
      <Space direction="vertical" className="screen">
        <Typography.Text>
          已转接 {moved} / {total} 名党员。转接完成后撤销原党支部并重新核定设置情况，此页自动更新。
        </Typography.Text>
        <Progress percent={total === 0 ? 99 : Math.min(99, Math.floor((moved / total) * 100))} status="active" />
        {error ? <ProblemAlert error={error} /> : null}
      </Space>
    </Card>
  );
}

/** The end counts, and the organisation the day before and the day of the execution. */
export function ExecutionOutcome({ detail }: { detail: RestructuringDetail }) {
  const counts = detail.view.counts;
  const day = detail.entry?.statusSince ?? null;
  const before = day ? dayjs(day).subtract(1, 'day').format('YYYY-MM-DD') : null;
  return (
    <Card size="small" title="第五步：调整完成">
      <Space direction="vertical" size="middle" className="screen">
        {counts ? (
          <Space size={48} wrap>
            <Statistic title="转接党员" value={counts.membersTransferred} suffix="人" />
            <Statistic title="执行中离开（未转接）" value={counts.membersLeftDuringExecution} suffix="人" />
            <Statistic title="新设党支部" value={counts.branchesEstablished} suffix="个" />
            <Statistic title="撤销党支部" value={counts.branchesClosed} suffix="个" />
            <Statistic title="完成日期" value={formatDate(day)} />
          </Space>
        ) : null}
        {counts && counts.membersTransferred + counts.membersLeftDuringExecution === detail.moves.length ? (
          <Alert
            type="success"
            showIcon
            message={`方案中的 ${detail.moves.length} 名党员${
              counts.membersLeftDuringExecution > 0 ? '除执行中离开的以外' : ''
            }都已转入新的党支部。`}
          />
        ) : null}
        {day && before ? (
          <Space size="large" wrap>
            <RouteLink to={`/org?asOf=${before}`}>调整前一天（{formatDate(before)}）的组织架构</RouteLink>
            <RouteLink to={`/org?asOf=${day}`}>调整当天（{formatDate(day)}）的组织架构</RouteLink>
            <RouteLink to={`/org/diff?from=${before}&to=${day}`}>调整带来的变化</RouteLink>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
