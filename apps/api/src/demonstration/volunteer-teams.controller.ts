import { Body, Controller, Get, NotFoundException, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  BusinessCalendar,
  ExecuteVolunteerCommand,
  ReadModelFreshness,
  ScopedBranches,
  VolunteerTeamQueries,
  uuidV5,
  type VolunteerTeamView,
} from '@app/application';
import {
  statisticsProjection,
  VolunteerQueries,
  volunteerServiceProjection,
  type VolunteerTeamRow,
} from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { CommandController, created } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { missing } from '../http/not-found';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { ReporterSees } from '../privacy/reporter-sees';
import { FormVolunteerTeamBody, JoinVolunteerTeamBody, VolunteerActivityBody } from './demonstration.dto';
import { VolunteerTeamListDto, VolunteerTeamViewDto } from './demonstration-view.dto';

/**
 * 支部引领型老干部志愿服务队: teams led by a branch, their members (of that branch or others) and
 * the activities they held, each participant one person-time (docs/rules.md §14).
 */
@ApiTags('volunteer service')
@ReadAccess()
@Controller('volunteer-teams')
export class VolunteerTeamsController extends CommandController {
  constructor(
    private readonly calendar: BusinessCalendar,
    commands: CommandBus,
    private readonly teams: VolunteerTeamQueries,
    private readonly volunteer: VolunteerQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({ summary: 'Form a volunteer team led by an open branch, with its leader (a member on the roll)' })
  @CommandEndpoint('The team was formed.', 201)
  async form(
    @Body() body: FormVolunteerTeamBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const teamId = body.teamId ?? uuidV5(`volunteer-team:${meta.commandId}`);
    const input = {
      type: 'FormVolunteerTeam' as const,
      data: { teamId, name: body.name, leadBranchId: body.leadBranchId, leaderMemberId: body.leaderMemberId },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/volunteer-teams', teamId));
  }

  @Post(':teamId/members')
  @ApiOperation({ summary: 'A member joins the team (of the leading branch or another); not one who has left' })
  @CommandEndpoint('The member joined (nothing is appended when they already had).', 201)
  async join(
    @UuidParam('teamId') teamId: string,
    @Body() body: JoinVolunteerTeamBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'JoinVolunteerTeam' as const, data: { teamId, memberId: body.memberId } };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/volunteer-teams', teamId));
  }

  @Post(':teamId/activities')
  @ApiOperation({
    summary:
      'Record an activity: date, kind from the policy list, place, organiser, participants (one person-time each), proposals in 建言献策',
  })
  @CommandEndpoint('The activity was recorded.', 201)
  async activity(
    @UuidParam('teamId') teamId: string,
    @Body() body: VolunteerActivityBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const activityId = body.activityId ?? uuidV5(`volunteer-activity:${teamId}:${meta.commandId}`);
    const input = {
      type: 'RecordVolunteerActivity' as const,
      data: {
        teamId,
        activityId,
        on: body.on,
        kind: body.kind,
        title: body.title,
        place: body.place,
        organiser: body.organiser,
        participantIds: [...body.participantIds],
        proposals: (body.proposals ?? []).map((proposal) => ({
          memberId: proposal.memberId ?? null,
          text: proposal.text,
        })),
      },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/volunteer-teams', teamId, activityId));
  }

  @Get()
  @ReporterSees('everything', "team names, leading branches and leaders' names, counts")
  @ApiOperation({ summary: 'Every volunteer team with its members, activities and person-times' })
  @ReadAnswer(VolunteerTeamListDto)
  async list(): Promise<{ items: VolunteerTeamRow[] }> {
    await this.freshness.waitForHead(volunteerServiceProjection.name);
    await this.freshness.waitForHead(statisticsProjection.name);
    const within = await this.scoped.visible();
    return { items: this.volunteer.teams(within ?? undefined) };
  }

  @Get(':teamId')
  @ReporterSees('everything', "the team's members and participants by name, activities, proposals")
  @ApiOperation({ summary: 'A volunteer team as recorded: leader, members, every activity with its participants' })
  @ReadAnswer(VolunteerTeamViewDto, { etag: true, problems: { 400: true, 404: 'No volunteer team has this id.' } })
  async get(
    @UuidParam('teamId') teamId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VolunteerTeamView> {
    const view = await this.teams.team(teamId);
    if (view === null) throw new NotFoundException(missing('volunteer team', teamId));
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  private command(
    input: ExecuteVolunteerCommand['input'],
    meta: CommandRequestMeta,
    occurredAt: string | undefined,
  ): ExecuteVolunteerCommand {
    return new ExecuteVolunteerCommand(input, commandContext(meta, occurredAt, this.calendar));
  }
}
