import { createHash } from 'node:crypto';
import { refuse, refusalMessage, type Language, type RulePolicy } from '@app/domain';
import type { Actor, EventStore, StreamAppend } from '@app/event-store';
import type { OrganisationDirectory } from '@app/read-models';
import { parseRoll, type ImportProblem, type ParsedRoll } from './parse-roll';
import { planImport } from './plan-import';
import type { ImportChange } from './import-simulation';

/** How many streams' appends are written in one transaction while applying. */
const APPENDS_PER_BATCH = 2000;
/** The report lists at most this many changes and problems; the counts are always whole. */
const LISTED_AT_MOST = 2000;

export interface ImportRequest {
  readonly file: Buffer;
  readonly asOf: string;
  readonly actor: Actor;
  readonly language: Language;
  readonly apply: boolean;
}

export interface ImportProgress {
  readonly appendedEvents: number;
  readonly plannedEvents: number;
}

export interface ImportProblemLine {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly message: string;
}

export interface ImportSummaryLine {
  readonly action: string;
  readonly count: number;
}

/** What a dry run or an apply answers: the workbook, every problem, and what is (or would be) recorded. */
export interface ImportReport {
  /** SHA-256 of the file: the same workbook has the same digest. */
  readonly digest: string;
  readonly asOf: string;
  readonly applied: boolean;
  readonly sheets: readonly { readonly name: string; readonly kind: string; readonly rows: number }[];
  readonly problemCount: number;
  readonly problems: readonly ImportProblemLine[];
  /** Changes by kind of act (新建支部 12, 接收为正式党员 1,200 …). */
  readonly summary: readonly ImportSummaryLine[];
  readonly changeCount: number;
  readonly changes: readonly ImportChange[];
  /** Events the changes are (or would be) recorded as. */
  readonly plannedEvents: number;
  /** Events appended by this request (0 for a dry run, and for a workbook already imported). */
  readonly appendedEvents: number;
  /** Columns read but not recorded, and other things the clerk should know, in Chinese. */
  readonly notes: readonly string[];
}

export interface ImportEnvironment {
  readonly store: EventStore;
  readonly policies: readonly RulePolicy[];
  readonly directory: () => Promise<OrganisationDirectory>;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports a workbook: reads it, plans every command against the record, and — only when asked
 * and only when no problem stands — appends the planned events in batches of many streams each
 * (every stream's own revision checked, its hash chain continued). A batch is one transaction:
 * after a crash the streams of the stored batches already read as the workbook says, so the
 * same import plans only the rest.
 */
export async function importRoll(request: ImportRequest, environment: ImportEnvironment): Promise<ImportReport> {
  const digest = createHash('sha256').update(request.file).digest('hex');
  const roll = await parseRoll(request.file, request.asOf);
  const simulation = await planImport(roll, {
    store: environment.store,
    policies: environment.policies,
    actor: request.actor,
    asOf: request.asOf,
    instantOf: (date) => `${date}T00:00:00.000Z`,
    directory: await environment.directory(),
  });
  const problems = simulation.problems;
  let appendedEvents = 0;
  if (request.apply) {
    if (problems.length > 0) throw refuse('WORKBOOK_HAS_PROBLEMS', { problems: problems.length });
    appendedEvents = await appendInBatches(environment, simulation.plannedAppends, simulation.plannedEvents);
  }
  return {
    digest,
    asOf: request.asOf,
    applied: request.apply,
    sheets: roll.sheets,
    problemCount: problems.length,
    problems: problems.slice(0, LISTED_AT_MOST).map((problem) => problemLine(problem, request.language)),
    summary: summarise(simulation.changes),
    changeCount: simulation.changes.length,
    changes: simulation.changes.slice(0, LISTED_AT_MOST),
    plannedEvents: simulation.plannedEvents,
    appendedEvents,
    notes: notesOf(roll),
  };
}

async function appendInBatches(
  environment: ImportEnvironment,
  appends: readonly StreamAppend[],
  plannedEvents: number,
): Promise<number> {
  let appended = 0;
  let done = 0;
  environment.onProgress?.({ appendedEvents: 0, plannedEvents });
  for (let start = 0; start < appends.length; start += APPENDS_PER_BATCH) {
    const batch = appends.slice(start, start + APPENDS_PER_BATCH);
    const results = await environment.store.appendMany(batch);
    results.forEach((result, index) => {
      const events = (batch[index] as StreamAppend).events.length;
      done += events;
      if (!result.alreadyStored) appended += events;
    });
    environment.onProgress?.({ appendedEvents: done, plannedEvents });
  }
  return appended;
}

function problemLine(problem: ImportProblem, language: Language): ImportProblemLine {
  return {
    sheet: problem.sheet,
    row: problem.row,
    column: problem.column,
    value: problem.value,
    code: problem.refusal.code,
    message: refusalMessage(problem.refusal.code, problem.refusal.details as never, language),
  };
}

function summarise(changes: readonly ImportChange[]): ImportSummaryLine[] {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const action = change.action
      .replace(/（.*）$/, '')
      .replace(/^(更正|转入|改隶|增加共管单位|记载).*/, (whole, verb: string) =>
        verb === '记载'
          ? '记载转正'
          : verb === '更正'
            ? '更正党员信息'
            : verb === '转入'
              ? '转接组织关系'
              : verb === '改隶'
                ? '支部改隶'
                : '增加共管单位',
      );
    const key = action.startsWith('任') ? '任职' : action;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([action, count]) => ({ action, count }));
}

function notesOf(roll: ParsedRoll): string[] {
  const notes: string[] = [];
  const ignored = roll.sheets.filter((sheet) => sheet.kind === 'ignored').map((sheet) => `“${sheet.name}”`);
  if (ignored.length > 0)
    notes.push(`未读取的工作表：${ignored.join('、')}（导入只读取“党委”“支部”“党员”“委员会任职”）。`);
  if (roll.members.some((member) => member.address !== null)) {
    notes.push('“住址或社区”已读取，但系统的党员名册不记载住址，未予记载。');
  }
  if (roll.posts.some((post) => post.termNumber !== null || post.termEnd !== null)) {
    notes.push('“届次”和“任期结束”已读取，但任职记录只记载任期开始，届满日期按任期年限计算，未予记载。');
  }
  return notes;
}
