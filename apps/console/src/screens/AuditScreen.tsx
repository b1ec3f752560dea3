import { Tabs } from 'antd';
import { navigate, pathOf, useRoute } from '../app/router';
import { AuditEventDetail } from './audit/AuditEventDetail';
import { AuditLog } from './audit/AuditLog';
import { MemberHistory } from './audit/MemberHistory';
import { VerificationPanel } from './audit/Verification';
import './audit/audit.css';

const TABS = [
  { key: 'log', label: '操作记录', route: '/audit' },
  { key: 'verify', label: '核验与摘要', route: '/audit/verify' },
  { key: 'members', label: '党员历史', route: '/audit/members' },
] as const;

/**
 * 审计, for auditors: the audit log (`/audit`, filters in the address) and each event in full
 * (`/audit/events/{id}`), verification of the history and its digests (`/audit/verify`), and a
 * member's history (`/audit/members/{id}`).
 */
export default function AuditScreen() {
  const route = useRoute();
  // The path below /audit, read here rather than with the shell's subPathOf: the shell's table
  // loads this screen, so importing from it would make a cycle.
  const [, section, id] = pathOf(route)
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const tab = section === 'verify' ? 'verify' : section === 'members' ? 'members' : 'log';
  const search = route.includes('?') ? route.slice(route.indexOf('?') + 1) : '';

  return (
    <div className="screen audit">
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(TABS.find((t) => t.key === key)?.route ?? '/audit')}
        items={TABS.map(({ key, label }) => ({ key, label }))}
      />
      {section === 'events' && id ? (
        <AuditEventDetail eventId={id} />
      ) : tab === 'verify' ? (
        <VerificationPanel />
      ) : tab === 'members' ? (
        <MemberHistory memberId={id ?? null} />
      ) : (
        <AuditLog search={search} />
      )}
    </div>
  );
}
