import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { branchesOf, committeesOf, type OrganisationTree } from '../org/org-tree';
import { KIND_LABELS, KIND_PURPOSES, type RestructuringKind } from './labels';
import type { PlannedBranch } from './plan';
import { newPlannedBranch, type WizardForm } from './wizard-state';

/** The wizard's first step: the kind of restructuring, the branches, the reason and the business day. */
export function ChoiceForm({
  form,
  tree,
  onChange,
}: {
  form: WizardForm;
  tree: OrganisationTree;
  onChange: (changes: Partial<WizardForm>) => void;
}) {
  const branchOptions = branchesOf(tree).map(({ branch }) => ({
    value: branch.branchId,
    label: branch.name,
    title: `正式党员 ${branch.members.full} 人，预备党员 ${branch.members.probationary} 人`,
  }));
  const committeeOptions = committeesOf(tree).map(({ committee, depth }) => ({
    value: committee.committeeId,
    label: `${'　'.repeat(depth)}${committee.name}`,
  }));
  const branchSelect = (
    id: string,
    value: string,
    change: (value: string) => void,
    exclude: readonly string[] = [],
  ) => (
    <Select
      id={id}
      showSearch
      optionFilterProp="label"
      placeholder="选择党支部"
      value={value === '' ? undefined : value}
      onChange={change}
      options={branchOptions.filter((option) => !exclude.includes(option.value))}
    />
  );
  const branchesSelect = (id: string, value: readonly string[], change: (value: string[]) => void) => (
    <Select
      id={id}
      mode="multiple"
      showSearch
      optionFilterProp="label"
      placeholder="选择一个或多个党支部"
      value={[...value]}
      onChange={change}
      options={branchOptions}
    />
  );

  return (
    <Form layout="horizontal" labelCol={{ flex: '132px' }} wrapperCol={{ flex: 'auto' }} className="wizard-form">
      <Form.Item label="调整方式" required extra={KIND_PURPOSES[form.kind]}>
        <Radio.Group
          value={form.kind}
          onChange={(event) => onChange({ kind: event.target.value as RestructuringKind })}
          optionType="button"
          buttonStyle="solid"
          options={(Object.keys(KIND_LABELS) as RestructuringKind[]).map((kind) => ({
            value: kind,
            label: KIND_LABELS[kind],
          }))}
        />
      </Form.Item>

      {form.kind === 'merge' ? (
        <>
          <Form.Item label="被合并的党支部" htmlFor="merge-sources" required>
            {branchesSelect('merge-sources', form.mergeSources, (mergeSources) => onChange({ mergeSources }))}
          </Form.Item>
          <Form.Item label="并入方式" required>
            <Radio.Group
              value={form.mergeInto}
              onChange={(event) => onChange({ mergeInto: event.target.value as 'existing' | 'new' })}
              options={[
                { value: 'existing', label: '并入现有党支部' },
                { value: 'new', label: '新设党支部' },
              ]}
            />
          </Form.Item>
          {form.mergeInto === 'existing' ? (
            <Form.Item label="并入的党支部" htmlFor="merge-target" required>
              {branchSelect(
                'merge-target',
                form.mergeTarget,
                (mergeTarget) => onChange({ mergeTarget }),
                form.mergeSources,
              )}
            </Form.Item>
          ) : (
            <NewBranchFields
              idPrefix="merge-new"
              branch={form.mergeNewBranch}
              committees={committeeOptions}
              onChange={(mergeNewBranch) => onChange({ mergeNewBranch })}
            />
          )}
        </>
      ) : null}

      {form.kind === 'dissolution' ? (
        <>
          <Form.Item label="撤销的党支部" htmlFor="dissolve-branch" required>
            {branchSelect('dissolve-branch', form.dissolveBranch, (dissolveBranch) => onChange({ dissolveBranch }))}
          </Form.Item>
          <Form.Item label="党员转入" htmlFor="dissolve-destination" required>
            {branchSelect(
              'dissolve-destination',
              form.dissolveDestination,
              (dissolveDestination) => onChange({ dissolveDestination }),
              [form.dissolveBranch],
            )}
          </Form.Item>
        </>
      ) : null}

      {form.kind === 'redraw' ? (
        <>
          <Form.Item
            label="涉及的党支部"
            htmlFor="redraw-sources"
            required
            extra="下一步逐一为这些党支部的党员选择转入的党支部；不选的党员留在原党支部。"
          >
            {branchesSelect('redraw-sources', form.redrawSources, (redrawSources) => onChange({ redrawSources }))}
          </Form.Item>
          {form.redrawNewBranches.map((branch, index) => (
            <NewBranchFields
              key={branch.branchId}
              idPrefix={`redraw-new-${index}`}
              label={`新设党支部${form.redrawNewBranches.length > 1 ? ` ${index + 1}` : ''}`}
              branch={branch}
              committees={committeeOptions}
              onChange={(changed) =>
                onChange({
                  redrawNewBranches: form.redrawNewBranches.map((b) => (b.branchId === changed.branchId ? changed : b)),
                })
              }
              onRemove={() =>
                onChange({ redrawNewBranches: form.redrawNewBranches.filter((b) => b.branchId !== branch.branchId) })
              }
            />
          ))}
          <Form.Item label=" " colon={false}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => onChange({ redrawNewBranches: [...form.redrawNewBranches, newPlannedBranch()] })}
            >
              新设一个党支部
            </Button>
          </Form.Item>
        </>
      ) : null}

      <Form.Item label="调整事由" htmlFor="restructure-reason" required>
        <Input.TextArea
          id="restructure-reason"
          rows={2}
          maxLength={500}
          value={form.reason}
          onChange={(event) => onChange({ reason: event.target.value })}
          placeholder="如：结合城市社区调整，撤并某某社区离退休干部党支部"
        />
      </Form.Item>
      <Form.Item label="提出日期" htmlFor="restructure-proposed-on" required>
        <DatePicker
          id="restructure-proposed-on"
          value={dayjs(form.proposedOn)}
          allowClear={false}
          format="YYYY年M月D日"
          onChange={(date) => date && onChange({ proposedOn: date.format('YYYY-MM-DD') })}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
    </Form>
  );
}

function NewBranchFields({
  idPrefix,
  label = '新设党支部',
  branch,
  committees,
  onChange,
  onRemove,
}: {
  idPrefix: string;
  label?: string;
  branch: PlannedBranch;
  committees: { value: string; label: string }[];
  onChange: (branch: PlannedBranch) => void;
  onRemove?: () => void;
}) {
  return (
    <Form.Item label={label} required>
      <Space wrap align="start">
        <Input
          id={`${idPrefix}-name`}
          aria-label={`${label}名称`}
          placeholder="党支部名称"
          maxLength={100}
          style={{ width: 300 }}
          value={branch.name}
          onChange={(event) => onChange({ ...branch, name: event.target.value })}
        />
        <Select
          id={`${idPrefix}-committee`}
          aria-label={`${label}隶属党委`}
          placeholder="隶属党委"
          style={{ width: 260 }}
          value={branch.parentCommitteeId === '' ? undefined : branch.parentCommitteeId}
          onChange={(parentCommitteeId: string) => onChange({ ...branch, parentCommitteeId })}
          options={committees}
        />
        {onRemove ? (
          <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={`删除${label}`}>
            删除
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary" className="wizard-hint">
        执行时先设立此党支部，再转入党员。
      </Typography.Text>
    </Form.Item>
  );
}
