import { Body, Controller, Get, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ExecuteRulePolicyCommand,
  RULE_POLICY_REGISTRY_ID,
  RulePolicyCatalogue,
  type RulePolicyCatalogueView,
  type RulePolicyEntry,
  BusinessCalendar,
} from '@app/application';
import type { RulePolicy } from '@app/domain';
import { ReadAccess } from '../auth/access.decorators';
import { CommandController, created } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { ReporterSees } from '../privacy/reporter-sees';
import { ReadAnswer } from '../http/read-responses';
import { RulePolicyCatalogueDto, RulePolicyEntryDto } from './policy-view.dto';
import { InForceQuery, PublishRulePolicyBody } from './policy.dto';
import { missing } from '../http/not-found';

/**
 * The rule versions (规则版本) every act is judged by: the built-in ones and those administrators
 * publish. Auditors read them to see which rule judged a recorded decision.
 */
@ApiTags('policies')
@ReadAccess()
@ReporterSees('everything', 'rule versions: no person in them')
@Controller('policies')
export class PoliciesController extends CommandController {
  constructor(
    private readonly calendar: BusinessCalendar,
    commands: CommandBus,
    private readonly catalogue: RulePolicyCatalogue,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({
    summary: 'Publish a rule version with every parameter, effective from a date (today or later); never edited',
  })
  @CommandEndpoint('The rule version was published.', 201)
  async publish(
    @Body() body: PublishRulePolicyBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // The validated body is the policy; the decider knows a republished one whatever its field order.
    const policy: RulePolicy = {
      ...body,
      termEndReminderMonths: [...body.termEndReminderMonths],
      suspensionsWithoutVote: [...body.suspensionsWithoutVote],
      dueVoterExclusionReasons: [...body.dueVoterExclusionReasons],
    };
    const input = { type: 'PublishRulePolicy' as const, data: { registryId: RULE_POLICY_REGISTRY_ID, policy } };
    return this.send(
      new ExecuteRulePolicyCommand(input, commandContext(meta, undefined, this.calendar)),
      res,
      created('/policies', body.version),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Every rule version, built-in and published, with the one in force today' })
  @ReadAnswer(RulePolicyCatalogueDto, { etag: true })
  async list(@Res({ passthrough: true }) res: Response): Promise<RulePolicyCatalogueView> {
    const view = await this.catalogue.list(this.calendar.today());
    if (view.revision !== null) res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Get('in-force')
  @ApiOperation({ summary: 'The rule version in force on a date (default today)' })
  @ReadAnswer(RulePolicyEntryDto, { problems: { 400: true, 404: 'No rule version was in force on the date.' } })
  async inForce(@Query() query: InForceQuery): Promise<RulePolicyEntry> {
    const today = this.calendar.today();
    return this.catalogue.inForce(query.on ?? today, today);
  }

  @Get(':version')
  @ApiOperation({ summary: 'One rule version with every parameter' })
  @ReadAnswer(RulePolicyEntryDto, { problems: { 404: 'No rule version has this name.' } })
  async get(@Param('version') version: string): Promise<RulePolicyEntry> {
    const found = (await this.catalogue.list(this.calendar.today())).versions.find(
      (entry) => entry.version === version,
    );
    if (found === undefined) throw new NotFoundException(missing('rule policy version', version));
    return found;
  }
}
