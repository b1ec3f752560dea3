import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { navigate } from '../../app/router';
import { AssemblySummary, ConveneForm, QuorumGauge } from './assembly-convene';
import { quorumOf } from './ballot-tally';
import { useElection } from './election-context';
import { actionOf, currentStepOf, effectiveStatus } from './election-steps';
import { ElectionFrame } from './ElectionFrame';
import { InstallationStep, OfficersStep, ReportStep, ResultApprovalStep } from './late-steps';
import { RacePanel } from './race-panel';

/**
 * 党员大会 (`/elections/{id}/assembly`): attendance and the 4/5 quorum, then each race's ballots
 * and counts with their outcome, then the steps after it up to the installed posts.
 */
export function AssemblyScreen({ electionId, asOf }: { electionId: string; asOf: string }) {
  return (
    <ElectionFrame electionId={electionId} asOf={asOf} route={`/elections/${electionId}/assembly`} title="党员大会">
      <AssemblyBody />
    </ElectionFrame>
  );
}

function AssemblyBody() {
  const { view, asOf, policy } = useElection();
  const { state } = view;
  const assembly = state.assembly;
  const stepper = () => navigate(`/elections/${view.electionId}?asOf=${asOf}`);
  if (!assembly) {
    const convene = actionOf(view, 'ConveneMembersAssembly');
    return state.status === 'slateApproved' ? (
      <ConveneForm />
    ) : (
      <Alert
        type="info"
        showIcon
        message="尚不能召开党员大会"
        description={convene.reason}
        action={<Button onClick={stepper}>返回换届步骤</Button>}
      />
    );
  }
  const after = currentStepOf(effectiveStatus(state));
  return (
    <Space direction="vertical" size="middle" className="screen">
      <Row gutter={16}>
        <Col span={14}>
          <AssemblySummary />
        </Col>
        <Col span={10}>
          <QuorumGauge
            quorum={quorumOf(assembly.presentVoters.length, assembly.dueVoters.length, policy)}
            rule={policy}
          />
        </Col>
      </Row>
      {(state.races ?? []).map((race) => (
        <RacePanel key={race.race} race={race} />
      ))}
      {state.status !== 'assemblyOpen' ? (
        <Card
          size="small"
          title="党员大会之后"
          extra={
            <Button size="small" onClick={stepper}>
              查看全部换届步骤
            </Button>
          }
        >
          {after === 'officers' ? (
            <OfficersStep />
          ) : after === 'report' ? (
            <ReportStep />
          ) : after === 'resultApproval' ? (
            <ResultApprovalStep />
          ) : (
            <InstallationStep />
          )}
        </Card>
      ) : null}
    </Space>
  );
}
