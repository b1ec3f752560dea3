import { Tabs } from 'antd';
import { navigate } from '../../app/router';

/** The two views of 组织架构: the tree as of a date, and the changes between two dates. */
export function OrgNav({ current }: { current: 'tree' | 'diff' }) {
  return (
    <Tabs
      className="org-nav"
      activeKey={current}
      onChange={(key) => navigate(key === 'diff' ? '/org/diff' : '/org')}
      items={[
        { key: 'tree', label: '组织架构图' },
        { key: 'diff', label: '两个日期间的变化' },
      ]}
    />
  );
}
