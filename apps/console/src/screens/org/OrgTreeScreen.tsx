import { Space } from 'antd';
import { pathOf, useRoute } from '../../app/router';
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
  // The path below /org, read here rather than with the shell's subPathOf: the shell's table
  // loads this screen, so importing from it would make a cycle.
  const [, section, id] = pathOf(route)
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  if (section === 'branches' && id) return <BranchPage branchId={id} />;
  return (
    <Space direction="vertical" size="middle" className="screen">
      <OrgNav current={section === 'diff' ? 'diff' : 'tree'} />
      {section === 'diff' ? <OrgDiff /> : <OrgTree />}
    </Space>
  );
}
