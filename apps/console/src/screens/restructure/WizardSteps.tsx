import { Steps } from 'antd';
import type { RestructuringView } from './plan';

const STEPS = ['选择党支部', '预览党员转接', '批准', '执行', '完成'] as const;

/**
 * The wizard's course, the same on the new restructuring's page (steps 1–2) and on a recorded
 * one's (批准, 执行, 完成), so the clerk sees one path from choosing branches to the end counts.
 */
export function WizardSteps({ current, status }: { current: number; status?: 'process' | 'error' | 'finish' }) {
  return (
    <Steps
      size="small"
      className="wizard-steps"
      current={current}
      status={status ?? 'process'}
      items={STEPS.map((title) => ({ title }))}
    />
  );
}

/** Where a recorded restructuring stands on the wizard's course. */
export function stepOf(view: RestructuringView): { current: number; status: 'process' | 'error' | 'finish' } {
  switch (view.status) {
    case 'none':
    case 'proposed':
      return { current: 2, status: 'process' };
    case 'approved':
    case 'executing':
      return { current: 3, status: 'process' };
    case 'completed':
      return { current: 4, status: 'finish' };
    case 'abandoned':
      return { current: 2, status: 'error' };
    default: {
      const never: never = view.status;
      return never;
    }
  }
}
