import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { useLoad } from '../../api/use-load';
import { navigate } from '../../app/router';
import { today } from '../../format/dates';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { useWrite } from '../../shell/use-write';
import type { OrganisationTree } from '../org/org-tree';
import { ChoiceForm } from './ChoiceForm';
import { MovePreview } from './MovePreview';
import { choiceProblems, plannedMoves, proposal, sourcesOf, type Choice, type PlannedBranch } from './plan';
import { organisationNow, rollsOf } from './restructure-data';
import { choiceOf, emptyForm, type WizardForm } from './wizard-state';
import { WizardSteps } from './WizardSteps';

/**
 * A new restructuring (合并, 区域调整, 撤销): choose the branches, preview every member's move, and
 * propose it; the restructuring's own page carries on with 批准, 执行 and the end counts.
 */
export function RestructuringWizard() {
  const organisation = useLoad(useCallback(() => organisationNow(), []));
  return (
    <Space direction="vertical" size="middle" className="screen">
      <RouteLink to="/restructurings">← 返回调整列表</RouteLink>
      {!organisation.loaded ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : 'error' in organisation.loaded ? (
        <ProblemAlert error={organisation.loaded.error} onReload={organisation.reload} />
      ) : (
        <Wizard tree={organisation.loaded.data} />
      )}
    </Space>
  );
}

function Wizard({ tree }: { tree: OrganisationTree }) {
  const [form, setForm] = useState<WizardForm>(() => emptyForm(today()));
  const [step, setStep] = useState<0 | 1>(0);
  const [shownProblems, setShownProblems] = useState<string[]>([]);
  const change = (changes: Partial<WizardForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setShownProblems([]);
  };
  const choice = choiceOf(form);
  const planned: PlannedBranch[] =
    form.kind === 'merge' && form.mergeInto === 'new'
      ? [form.mergeNewBranch]
      : form.kind === 'redraw'
        ? [...form.redrawNewBranches]
        : [];

  const next = () => {
    const problems = choiceProblems(choice, form.reason);
    setShownProblems(problems);
    if (problems.length === 0) setStep(1);
  };

  return (
    <Space direction="vertical" size="middle" className="screen">
      <Card size="small">
        <WizardSteps current={step} />
      </Card>
      {step === 0 ? (
        <Card size="small" title="第一步：选择调整方式和党支部">
          <ChoiceForm form={form} tree={tree} onChange={change} />
          {shownProblems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              message="还不能进入下一步"
              description={
                <ul className="wizard-problems">
                  {shownProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <div className="wizard-actions">
            <Button type="primary" onClick={next}>
              下一步：预览党员转接
            </Button>
          </div>
        </Card>
      ) : (
        <Preview
          choice={choice}
          form={form}
          tree={tree}
          planned={planned}
          onAssign={(memberId, toBranchId) =>
            change({ redrawAssignments: { ...form.redrawAssignments, [memberId]: toBranchId } })
          }
          onBack={() => setStep(0)}
        />
      )}
    </Space>
  );
}

function Preview({
  choice,
  form,
  tree,
  planned,
  onAssign,
  onBack,
}: {
  choice: Choice;
  form: WizardForm;
  tree: OrganisationTree;
  planned: readonly PlannedBranch[];
  onAssign: (memberId: string, toBranchId: string) => void;
  onBack: () => void;
}) {
  const sources = sourcesOf(choice);
  const sourcesKey = sources.join(',');
  const rolls = useLoad(useCallback(() => rollsOf(sourcesKey.split(',')), [sourcesKey]));
  const moves = useMemo(
    () => (rolls.loaded && 'data' in rolls.loaded ? plannedMoves(choice, rolls.loaded.data) : []),
    [choice, rolls.loaded],
  );

  const propose = useWrite(
    useCallback(
      async (headers) => {
        const command = proposal(choice, form.reason, form.proposedOn, moves);
        const params = { header: headers() };
        const sent =
          command.route === '/restructurings/merge'
            ? api.POST(command.route, { params, body: command.body })
            : command.route === '/restructurings/dissolution'
              ? api.POST(command.route, { params, body: command.body })
              : api.POST(command.route, { params, body: command.body });
        return (await answer(sent)).data;
      },
      [choice, form.reason, form.proposedOn, moves],
    ),
    { onReload: rolls.reload },
  );

  const submit = async () => {
    const outcome = await propose.run();
    if (outcome) navigate(`/restructurings/${outcome.id}`);
  };

  if (!rolls.loaded) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if ('error' in rolls.loaded) return <ProblemAlert error={rolls.loaded.error} onReload={rolls.reload} />;
  return (
    <Space direction="vertical" size="middle" className="screen">
      {propose.contextHolder}
      <MovePreview
        choice={choice}
        moves={moves}
        rolls={rolls.loaded.data}
        tree={tree}
        planned={planned}
        reason={form.reason}
        proposedOn={form.proposedOn}
        onAssign={onAssign}
      />
      <div className="wizard-actions wizard-actions-flush">
        <Space>
          <Button onClick={onBack}>上一步</Button>
          <Button
            type="primary"
            loading={propose.pending}
            disabled={moves.length === 0 && choice.kind === 'redraw'}
            onClick={() => void submit()}
          >
            提出调整方案
          </Button>
        </Space>
      </div>
    </Space>
  );
}
