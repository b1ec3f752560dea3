import { Alert } from 'antd';
import { useSyncExternalStore } from 'react';
import { pathOf, useRoute } from '../app/router';
import { currentSession, subscribeSession } from '../auth/session';
import { RestructuringDetail } from './restructure/RestructuringDetail';
import { RestructuringList } from './restructure/RestructuringList';
import { RestructuringWizard } from './restructure/RestructuringWizard';
import './restructure/restructure.css';

/**
 * 调整: the list (`/restructurings`), the wizard for a new one (`/restructurings/new`), and one
 * restructuring's page (`/restructurings/<id>`), where the wizard carries on to approval,
 * execution and the end counts.
 */
export default function RestructuringsScreen() {
  const route = useRoute();
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  // The path below /restructurings, read here rather than with the shell's subPathOf: the
  // shell's table loads this screen, so importing from it would make a cycle.
  const [, id] = pathOf(route)
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  if (id === 'new') {
    return session?.role === 'admin' ? (
      <RestructuringWizard />
    ) : (
      <Alert type="warning" showIcon message="只有管理员可以提出组织调整方案。" />
    );
  }
  if (id) return <RestructuringDetail key={id} restructuringId={id} />;
  return <RestructuringList />;
}
