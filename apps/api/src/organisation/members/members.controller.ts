import { ReadAccess } from '../../auth/access.decorators';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteMemberCommand, OrganisationFacts, uuidV5, type Role, BusinessCalendar } from '@app/application';
import { commandData } from '../../http/command-body';
import { CommandEndpoint, type CommandAnswer } from '../../http/command-responses';
import { CommandController, created } from '../../http/command-controller';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../../http/command-request';
import { sendState } from '../../http/state-response';
import { CallerRole } from '../../privacy/caller-role';
import { memberForReporter } from '../../privacy/member-view';
import { ReporterSees } from '../../privacy/reporter-sees';
import {
  AdmitMemberBody,
  ConfirmMemberBody,
  CorrectMemberDataBody,
  RecordMemberDepartureBody,
  RestoreVotingRightsBody,
  SuspendVotingRightsBody,
  TransferMemberBody,
} from './member.dto';
import { ReadAnswer, UuidParam } from '../../http/read-responses';
import { MemberViewDto } from './member-view.dto';

@ApiTags('members')
@ReadAccess()
@Controller('members')
export class MembersController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly calendar: BusinessCalendar,
    private readonly facts: OrganisationFacts,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({
    summary: 'Admit a member (党员) to the roll of an open branch, as full (正式) or probationary (预备)',
  })
  @CommandEndpoint('The member was admitted.', 201)
  async admit(
    @Body() body: AdmitMemberBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same member, so a missing id derives from it.
    const memberId = body.memberId ?? uuidV5(`member:${meta.commandId}`);
    const input = { type: 'AdmitMember' as const, data: { ...commandData(body), memberId } };
    return this.send(
      new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/members', memberId),
    );
  }

  @Post(':memberId/confirm')
  @ApiOperation({ summary: 'Confirm a probationary member as full (预备党员转正)' })
  @CommandEndpoint('The member is now a full member.')
  async confirm(
    @UuidParam('memberId') memberId: string,
    @Body() body: ConfirmMemberBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'ConfirmMember' as const, data: { ...commandData(body), memberId } };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Post(':memberId/suspend-voting-rights')
  @ApiOperation({ summary: 'Suspend voting rights (留党察看, 留置, 逮捕), with the reason and dates' })
  @CommandEndpoint("The member's voting rights are suspended.")
  async suspendVotingRights(
    @UuidParam('memberId') memberId: string,
    @Body() body: SuspendVotingRightsBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'SuspendVotingRights' as const, data: { ...commandData(body), memberId } };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Post(':memberId/restore-voting-rights')
  @ApiOperation({ summary: 'Restore suspended voting rights (恢复党员权利)' })
  @CommandEndpoint("The member's voting rights are restored.")
  async restoreVotingRights(
    @UuidParam('memberId') memberId: string,
    @Body() body: RestoreVotingRightsBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RestoreVotingRights' as const, data: { ...commandData(body), memberId } };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Post(':memberId/transfer')
  @ApiOperation({ summary: "Transfer the member's one affiliation to another open branch (组织关系转接)" })
  @CommandEndpoint('The member was transferred.')
  async transfer(
    @UuidParam('memberId') memberId: string,
    @Body() body: TransferMemberBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'TransferMember' as const, data: { ...commandData(body), memberId } };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Post(':memberId/leave')
  @ApiOperation({ summary: 'Record that a member left: death (去世), moved out of the system (转出), expelled (开除)' })
  @CommandEndpoint('The member left the roll.')
  async leave(
    @UuidParam('memberId') memberId: string,
    @Body() body: RecordMemberDepartureBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RecordMemberDeparture' as const, data: { ...commandData(body), memberId } };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Post(':memberId/correct')
  @ApiOperation({ summary: 'Correct personal data on the roll (更正党员信息), with the reason' })
  @CommandEndpoint('The personal data were corrected.')
  async correct(
    @UuidParam('memberId') memberId: string,
    @Body() body: CorrectMemberDataBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = {
      type: 'CorrectMemberData' as const,
      data: { memberId, corrections: { ...body.corrections }, reason: body.reason },
    };
    return this.send(new ExecuteMemberCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: memberId,
    });
  }

  @Get(':memberId')
  @ReporterSees('redacted', 'no birth date; of a suspension only the day it began')
  @ApiOperation({
    summary:
      'A member as the roll records them, with the revision as the ETag (reporting jobs: no birth date or suspension reason)',
  })
  @ReadAnswer(MemberViewDto, { etag: true, problems: { 404: 'No member has this id.' } })
  async get(
    @UuidParam('memberId') memberId: string,
    @CallerRole() role: Role,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const { state, revision } = await this.facts.memberWithRevision(memberId);
    const view = sendState(res, state, revision, `member ${memberId}`);
    return role === 'reporter' ? memberForReporter(view) : view;
  }
}
