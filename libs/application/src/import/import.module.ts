import { Inject, Injectable, Module } from '@nestjs/common';
import { refuse, type Language } from '@app/domain';
import type { Actor, EventStore } from '@app/event-store';
import { OrganisationQueries } from '@app/read-models';
import { BusinessCalendar } from '../calendar/business-calendar';
import { CallerScope } from '../committee-scope/caller-scope';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { RulePolicies } from '../policy/rule-policies';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { importRoll, type ImportProgress, type ImportReport } from './roll-import';

/** The apply under way in this process, or the last one, for whoever waits on it. */
export interface ImportProgressView extends ImportProgress {
  readonly digest: string;
  readonly running: boolean;
}

/**
 * The bureau's workbook imported through the API: a dry run reports, an apply records. Applies
 * run one at a time in a process, so two clerks sending the same workbook at once record it
 * once (the second finds it recorded). Importing is a bureau-wide act: an administrator scoped
 * to one committee is refused, as the workbook may name any committee.
 */
@Injectable()
export class RollImporter {
  private queue: Promise<unknown> = Promise.resolve();
  private latest: ImportProgressView | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: OrganisationQueries,
    private readonly policies: RulePolicies,
    private readonly freshness: ReadModelFreshness,
    private readonly calendar: BusinessCalendar,
  ) {}

  today(): string {
    return this.calendar.today();
  }

  progress(): ImportProgressView | null {
    return this.latest;
  }

  async import(request: {
    readonly file: Buffer;
    readonly asOf: string;
    readonly actor: Actor;
    readonly language: Language;
    readonly apply: boolean;
  }): Promise<ImportReport> {
    if (CallerScope.current()) throw refuse('BUREAU_WIDE_ACT', {});
    const run = async () => {
      const versions = await this.policies.versions();
      return importRoll(request, {
        store: this.store,
        policies: versions,
        directory: async () => {
          // Names on record are matched as the read model has them. After a big import it may
          // still be catching up; what it lacks then is what imports wrote, whose ids derive
          // from the rows and are found without it, so the import goes on rather than waiting.
          await this.freshness.waitForHead('organisation-now').catch(() => undefined);
          return this.queries.directory();
        },
        onProgress: (progress) => {
          this.latest = { digest: this.latest?.digest ?? '', ...progress, running: true };
        },
      });
    };
    if (!request.apply) return run();
    const turn = this.queue.then(async () => {
      this.latest = { digest: '', appendedEvents: 0, plannedEvents: 0, running: true };
      try {
        const report = await run();
        this.latest = {
          digest: report.digest,
          appendedEvents: report.plannedEvents,
          plannedEvents: report.plannedEvents,
          running: false,
        };
        return report;
      } catch (error) {
        this.latest = this.latest === null ? null : { ...this.latest, running: false };
        throw error;
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

@Module({
  imports: [OrganisationModule],
  providers: [RollImporter],
  exports: [RollImporter],
})
export class ImportModule {}
