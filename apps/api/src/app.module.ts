import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfigModule, EventStoreModule, LoggingModule, ReadModelsModule, type AppConfig } from '@app/application';
import { AuthModule } from './auth/auth.module';
import { WriteThrottleModule } from './http/write-throttle';
import { HealthModule } from './health/health.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AuditHttpModule } from './audit/audit-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { FeedHttpModule } from './feed/feed-http.module';
import { OrganisationHttpModule } from './organisation/organisation-http.module';
import { OrgHttpModule } from './org/org-http.module';
import { VerificationHttpModule } from './verification/verification-http.module';
import { RestructuringHttpModule } from './restructuring/restructuring-http.module';
import { PoliciesHttpModule } from './policies/policies-http.module';
import { CampaignsHttpModule } from './campaigns/campaigns-http.module';
import { DemonstrationHttpModule } from './demonstration/demonstration-http.module';
import { ElectionsHttpModule } from './elections/elections-http.module';
import { ByElectionsHttpModule } from './by-elections/by-elections-http.module';
import { ConsoleModule } from './console/console.module';
import { ImportsHttpModule } from './imports/imports-http.module';

@Module({})
export class AppModule {
  /** Takes an already validated config, so main and tests decide where it comes from. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule,
        AuthModule,
        // After AuthModule: its guard runs first, so writes are counted per token subject.
        WriteThrottleModule,
        EventStoreModule,
        ReadModelsModule,
        HealthModule,
        AuditHttpModule,
        ReportsHttpModule,
        FeedHttpModule,
        OrganisationHttpModule,
        OrgHttpModule,
        VerificationHttpModule,
        RestructuringHttpModule,
        ElectionsHttpModule,
        ByElectionsHttpModule,
        PoliciesHttpModule,
        CampaignsHttpModule,
        DemonstrationHttpModule,
        ImportsHttpModule,
        ConsoleModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
