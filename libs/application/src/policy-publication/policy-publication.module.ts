import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { RulePolicies } from '../policy/rule-policies';
import { RulePolicyCatalogue } from './rule-policy-catalogue';
import { RulePolicyCommandHandler } from './rule-policy-command.handler';

/** Rule versions published by administrators, and the versions every command is judged by. */
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: RulePolicies, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RulePolicies(store) },
    {
      provide: RulePolicyCatalogue,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new RulePolicyCatalogue(store),
    },
    RulePolicyCommandHandler,
  ],
  exports: [RulePolicies, RulePolicyCatalogue, CqrsModule],
})
export class PolicyPublicationModule {}
