/**
 * `npm run docs:diagram`: writes docs/election-state-machine.md from the decider's transition table, or with `--check`
 * exits 1 when the committed file is stale. Run: node -r @swc-node/register apps/cli/src/demo/write-election-diagram.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM_FILE, electionStateMachineDocument } from './state-machine-diagram';

function main(): void {
  const file = join(__dirname, '../../../..', DIAGRAM_FILE);
  const document = electionStateMachineDocument();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== document) {
      process.stderr.write(
        `${DIAGRAM_FILE} is stale: run node -r @swc-node/register apps/cli/src/demo/write-election-diagram.ts\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`${DIAGRAM_FILE} is up to date\n`);
  } else {
    writeFileSync(file, document);
    process.stdout.write(`wrote ${DIAGRAM_FILE}\n`);
  }
}

main();
