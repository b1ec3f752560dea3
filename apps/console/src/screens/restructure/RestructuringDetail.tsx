import { Alert, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useSyncExternalStore } from 'react';
import { useLoad } from '../../api/use-load';
import { currentSession, subscribeSession } from '../../auth/session';
import { formatDate } from '../../format/dates';
import { RESTRUCTURING_STATUS_LABELS } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { KIND_LABELS, SKIP_REASON_LABELS } from './labels';
import { MovesTable } from './MovesTable';
import { branchesOfPlan, newBranchesOfPlan } from './plan';
import { restructuringDetail, type RestructuringDetail as Detail } from './restructuring-detail-data';
import { AbandonStep, ApproveStep, ExecuteStep } from './StepForms';
import { ExecutionOutcome, ExecutionProgress } from './Execution';
import { stepOf, WizardSteps } from './WizardSteps';

/**
 * One restructuring on the wizard's course: its plan and every member's move, then the step it
 * waits for (批准, 执行), the execution's progress while the API carries it out, and the end counts.
 */
export function RestructuringDetail({ restructuringId }: { restructuringId: string }) {
  const { loaded, reload } = useLoad(useCallback(() => restructuringDetail(restructuringId), [restructuringId]));
  return (
    <Space direction="vertical" size="middle" className="screen">
      <RouteLink to="/restructurings">← 返回调整列表</RouteLink>
      {!loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in loaded ? (
        <ProblemAlert error={loaded.error} onReload={reload} />
      ) : (
        <DetailView detail={loaded.data} reload={reload} />
      )}
    </Space>
  );
}

function DetailView({ detail, reload }: { detail: Detail; reload: () => void }) {
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const admin = session?.role === 'admin';
  const { view, entry, branchNames, members, moves } = detail;
  const nameOf = (id: string) => branchNames.get(id) ?? '（名称不详）';
  const step = stepOf(view);
  const plan = view.plan;
  const { sources, destinations } = plan ? branchesOfPlan(plan) : { sources: [], destinations: [] };
  const established = plan ? newBranchesOfPlan(plan) : [];

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card size="small">
        <WizardSteps current={step.current} status={step.status} />
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>{plan ? `${KIND_LABELS[plan.kind]}方案` : '调整方案'}</span>
            <Tag color={view.status === 'completed' ? 'green' : view.status === 'abandoned' ? 'default' : 'blue'}>
              {RESTRUCTURING_STATUS_LABELS[view.status]}
            </Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="调整事由" span={2}>
            {view.reason ?? '—'}
          </Descriptions.Item>
          {sources.length > 0 ? (
            <Descriptions.Item label={plan?.kind === 'dissolution' ? '撤销的党支部' : '被合并的党支部'}>
              {sources.map(nameOf).join('、')}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="转入党支部">{destinations.map(nameOf).join('、') || '—'}</Descriptions.Item>
          {established.length > 0 ? (
            <Descriptions.Item label="新设党支部">{established.map((b) => b.name).join('、')}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label="提出日期">{formatDate(entry?.proposedOn)}</Descriptions.Item>
          {view.approval ? (
            <Descriptions.Item label="批准">
              {view.approval.approvedBy}《{view.approval.documentReference}》，{formatDate(view.approval.approvedOn)}
            </Descriptions.Item>
          ) : null}
          {view.status === 'abandoned' ? (
            <Descriptions.Item label="放弃原因">
              {view.abandonReason}（{formatDate(entry?.statusSince)}）
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {view.status === 'proposed' && admin ? <ApproveStep detail={detail} onDone={reload} /> : null}
      {view.status === 'approved' && admin ? <ExecuteStep detail={detail} onDone={reload} /> : null}
      {(view.status === 'proposed' || view.status === 'approved') && admin ? (
        <AbandonStep detail={detail} onDone={reload} />
      ) : null}
      {view.status === 'proposed' && !admin ? (
        <Alert type="info" showIcon message="方案待上级党组织批准，由管理员录入批准情况。" />
      ) : null}
      {view.status === 'approved' && !admin ? (
        <Alert type="info" showIcon message="方案已批准，待管理员开始执行。" />
      ) : null}
      {view.status === 'executing' ? <ExecutionProgress detail={detail} onFinished={reload} /> : null}
      {view.status === 'completed' ? <ExecutionOutcome detail={detail} /> : null}

      <Card
        size="small"
        title={view.execution ? `党员转接（${moves.length} 人）` : `党员转接预览（${moves.length} 人）`}
      >
        {!view.execution && view.status !== 'abandoned' ? (
          <Typography.Paragraph type="secondary">
            按目前的花名册列出；开始执行时以当时的花名册为准。
          </Typography.Paragraph>
        ) : null}
        <MovesTable moves={moves} members={members} branchName={nameOf} />
        {(view.execution?.skipped ?? []).length > 0 ? (
          <Typography.Paragraph type="secondary" className="wizard-skipped">
            未转接：
            {view
              .execution!.skipped.map(
                (s) => `${members.get(s.memberId)?.name ?? '（姓名不详）'}（${SKIP_REASON_LABELS[s.reason]}）`,
              )
              .join('；')}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </Space>
  );
}
