import { Space } from 'antd';
import { pathOf, useRoute } from '../../app/router';
import { subPathOf } from '../../shell/screens';
import { BranchPage } from './BranchPage';
import { OrgDiff } from './OrgDiff';
import { OrgNav } from './OrgNav';
import { OrgTree } from './OrgTree';
import './org.css';

/**
 * 组织架构: the tree as of a date (`/org?asOf=`), what changed between two dates
 * (`/org/diff?from=&to=`), and one branch's page (`/org/branches/<id>`). Every choice is in the
 * address, so a view can be shared and reloaded.
 */
export default function OrgTreeScreen() {
  const route = useRoute();
  const [section, id] = subPathOf(pathOf(route));
  if (section === 'branches' && id) return <BranchPage branchId={id} />;
  return (
    <Space direction="vertical" size="middle" className="screen">
      <OrgNav current={section === 'diff' ? 'diff' : 'tree'} />
      {section === 'diff' ? <OrgDiff /> : <OrgTree />}
    </Space>
  );
}
