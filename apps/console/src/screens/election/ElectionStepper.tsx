import { Button, Card, Col, Collapse, Row, Space, Steps, Tag, Typography } from 'antd';
import { navigate } from '../../app/router';
import { formatDate } from '../../format/dates';
import { AssemblySummary, QuorumGauge } from './assembly-convene';
import { quorumOf } from './ballot-tally';
import { NominationStep, SlateApprovalStep, SlateStep } from './candidate-steps';
import { ApprovalStep, CensusStep, RequestStep } from './early-steps';
import { useElection } from './election-context';
import {
  actionOf,
  COMMAND_LABELS,
  currentStepOf,
  effectiveStatus,
  stepsOf,
  type CommandType,
  type StepKey,
} from './election-steps';
import { ElectionFrame } from './ElectionFrame';
import { OtherActions } from './other-actions';
import { InstallationStep, OfficersStep, ReportStep, ResultApprovalStep } from './late-steps';

/** One election as a stepper: each step its record so far and its form, the next actions as the API judges them. */
export function ElectionStepper({
  electionId,
  asOf,
  step,
}: {
  electionId: string;
  asOf: string;
  step: StepKey | null;
}) {
  return (
    <ElectionFrame electionId={electionId} asOf={asOf} route={`/elections/${electionId}`} title="换届选举">
      <StepperBody step={step} />
    </ElectionFrame>
  );
}

function StepperBody({ step }: { step: StepKey | null }) {
  const { view, asOf } = useElection();
  const steps = stepsOf(view.state);
  const current = currentStepOf(effectiveStatus(view.state));
  const currentIndex = steps.findIndex((candidate) => candidate.key === current);
  const shown = step && steps.some((candidate) => candidate.key === step) ? step : current;
  const shownIndex = steps.findIndex((candidate) => candidate.key === shown);
  const finished = view.state.status === 'installed';
  const go = (key: StepKey) => navigate(`/elections/${view.electionId}?asOf=${asOf}&step=${key}`);
  const allowed = view.nextActions.filter((action) => action.allowed && stepOfCommand(action.command, steps) !== null);

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="220px">
        <Card size="small" className="steps-card">
          <Steps
            direction="vertical"
            size="small"
            current={shownIndex}
            onChange={(index) => {
              const target = steps[index];
              if (target) go(target.key);
            }}
            items={steps.map((candidate, index) => ({
              title: candidate.title,
              status:
                finished || index < currentIndex
                  ? 'finish'
                  : index === currentIndex
                    ? view.state.status === 'cancelled'
                      ? 'error'
                      : 'process'
                    : 'wait',
              description: index === currentIndex && !finished ? '当前' : undefined,
            }))}
          />
        </Card>
      </Col>
      <Col flex="auto" className="step-column">
        <Space direction="vertical" size="middle" className="screen">
          <Card size="small" className="next-actions">
            <Space wrap size={8}>
              <Typography.Text strong>现在可办理：</Typography.Text>
              {allowed.length ? (
                allowed.map((action) => (
                  <Button key={action.command} size="small" onClick={() => go(stepOfCommand(action.command, steps)!)}>
                    {COMMAND_LABELS[action.command]}
                  </Button>
                ))
              ) : (
                <Typography.Text type="secondary">{finished ? '换届已完成，没有待办事项。' : '暂无。'}</Typography.Text>
              )}
            </Space>
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'all',
                  label: `全部事项及不能办理的原因（按${formatDate(asOf)}判断）`,
                  children: <AllActions />,
                },
              ]}
            />
          </Card>
          <Card size="small" title={steps[shownIndex]?.title} className="step-card">
            <StepPanel step={shown} onNext={() => go('slate')} />
          </Card>
          {finished || view.state.status === 'cancelled' ? null : (
            <Collapse
              size="small"
              items={[{ key: 'other', label: '延期、提前或取消换届', children: <OtherActions /> }]}
            />
          )}
        </Space>
      </Col>
    </Row>
  );
}

/** The step on which a command is done, if any of this election's steps has it. */
function stepOfCommand(command: CommandType, steps: ReturnType<typeof stepsOf>): StepKey | null {
  return steps.find((candidate) => candidate.commands.includes(command))?.key ?? null;
}

function AllActions() {
  const { view } = useElection();
  return (
    <ul className="all-actions">
      {view.nextActions
        .filter((action) => action.command !== 'ConfirmInstallation' && action.command !== 'LapseApproval')
        .map((action) => {
          const judged = actionOf(view, action.command);
          return (
            <li key={action.command}>
              <span className="action-name">{COMMAND_LABELS[action.command]}</span>
              {judged.allowed ? (
                <Tag color="green" bordered={false}>
                  可办理
                </Tag>
              ) : (
                <Typography.Text type="secondary">{judged.reason}</Typography.Text>
              )}
            </li>
          );
        })}
    </ul>
  );
}

function StepPanel({ step, onNext }: { step: StepKey; onNext: () => void }) {
  switch (step) {
    case 'census':
      return <CensusStep />;
    case 'request':
      return <RequestStep />;
    case 'approval':
      return <ApprovalStep />;
    case 'nomination':
      return <NominationStep onNext={onNext} />;
    case 'slate':
      return <SlateStep />;
    case 'slateApproval':
      return <SlateApprovalStep />;
    case 'assembly':
      return <AssemblyStep />;
    case 'officers':
      return <OfficersStep />;
    case 'report':
      return <ReportStep />;
    case 'resultApproval':
      return <ResultApprovalStep />;
    case 'installation':
      return <InstallationStep />;
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** 党员大会 in the stepper: the attendance so far, and the way into the assembly screen. */
function AssemblyStep() {
  const { view, asOf, policy } = useElection();
  const assembly = view.state.assembly;
  const convene = actionOf(view, 'ConveneMembersAssembly');
  return (
    <Space direction="vertical" size="middle" className="screen">
      {assembly ? (
        <>
          <QuorumGauge
            quorum={quorumOf(assembly.presentVoters.length, assembly.dueVoters.length, policy)}
            rule={policy}
          />
          <AssemblySummary />
        </>
      ) : (
        <Typography.Paragraph>
          党员大会上清点到会人数、通过选举办法和监票人，然后逐项录入选票、计票。
          {convene.allowed ? '' : `暂不能召开：${convene.reason ?? ''}`}
        </Typography.Paragraph>
      )}
      <Button type="primary" onClick={() => navigate(`/elections/${view.electionId}/assembly?asOf=${asOf}`)}>
        {assembly ? '进入党员大会（选票与计票）' : '进入党员大会'}
      </Button>
    </Space>
  );
}
