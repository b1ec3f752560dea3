/**
 * A process that applies a workbook to an events file and reports each stored batch on stdout
 * (`stored N of M`), for the crash test to SIGKILL it part-way. Not exported.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_RULE_POLICIES } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { importRoll } from './roll-import';

async function main(): Promise<void> {
  const [eventsFile, workbookFile] = process.argv.slice(2) as [string, string];
  const store = SqliteEventStore.open({ file: eventsFile });
  await importRoll(
    {
      file: readFileSync(workbookFile),
      asOf: '2023-01-01',
      actor: { id: 'crash-test', name: '崩溃测试', role: 'admin' },
      language: 'zh-CN',
      apply: true,
    },
    {
      store,
      policies: DEFAULT_RULE_POLICIES,
      directory: () => Promise.resolve({ committees: [], branches: [], members: [] }),
      onProgress: ({ appendedEvents, plannedEvents }) =>
        process.stdout.write(`stored ${appendedEvents} of ${plannedEvents}\n`),
    },
  );
  await store.close();
}

void main();
