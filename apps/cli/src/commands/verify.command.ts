import { readFileSync, writeFileSync } from 'node:fs';
import {
  checkDigest,
  isDigestStream,
  verifyHistory,
  withStoreTimeout,
  type HistoryDigest,
  type StreamHead,
} from '@app/application';
import type { CliCommand } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { option } from '../options';

interface DigestFile {
  readonly digest: HistoryDigest;
  readonly heads?: readonly StreamHead[];
}

const HELP = [
  'Usage: branchflow verify [--export-digest FILE] [--digest FILE]',
  '',
  'Recomputes every stream hash chain and names the first altered, missing or reordered event.',
  '  --export-digest FILE  write the digest of the history as it is now (keep it outside the system)',
  '  --digest FILE         check the history against a digest exported earlier',
  'Exit code 0 when the history verifies (and matches the digest), 1 when it does not.',
].join('\n');

/** For auditors: proves the stored history is what was recorded, or says exactly where it is not. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'recompute every hash chain; export or check a digest',
  help: HELP,
  async run(args, { config, openStore, out, err }) {
    const exportTo = option(args, '--export-digest');
    const digestFrom = option(args, '--digest');
    const store = await withStoreTimeout(openStore(config), config.eventStoreTimeoutMs, 'while opening');
    try {
      const report = await verifyHistory(store, {
        excludeFromDigest: isDigestStream,
        onProgress: (checked) => {
          if (checked % 100_000 === 0) err(`checked ${checked} events…`);
        },
      });
      out(`checked ${report.eventsChecked} events in ${report.streamsChecked} streams`);
      for (const problem of report.breaks) {
        out(`${problem.kind.toUpperCase()} ${problem.stream} revision ${problem.revision}: ${problem.detail}`);
      }
      out(
        report.ok
          ? 'history verifies: every hash chain is intact'
          : `history does NOT verify: ${report.breaks.length} stream(s) broken`,
      );
      out(`digest at position ${report.digest.upToPosition ?? '-'}: ${report.digest.merkleRoot}`);
      if (exportTo) {
        writeFileSync(exportTo, `${JSON.stringify({ digest: report.digest, heads: report.heads }, null, 2)}\n`);
        out(`digest written to ${exportTo}`);
      }
      let digestMatches = true;
      if (digestFrom) {
        const kept = JSON.parse(readFileSync(digestFrom, 'utf8')) as DigestFile;
        const check = await checkDigest(store, kept.digest, kept.heads, { excludeFromDigest: isDigestStream });
        digestMatches = check.matches;
        out(
          check.matches
            ? `matches the digest in ${digestFrom}`
            : `does NOT match the digest in ${digestFrom}${
                check.differingStreams.length ? `: streams changed: ${check.differingStreams.join(', ')}` : ''
              }`,
        );
      }
      return report.ok && digestMatches ? ExitCode.ok : ExitCode.failed;
    } finally {
      await store.close();
    }
  },
};
