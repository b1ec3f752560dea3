import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { BY_ELECTION_BODIES, type ByElectionBody } from '@app/domain';
import { IsCalendarDate } from '../http/calendar-date';
import { CommandBody } from '../http/command-body';
import { HumanText } from '../http/human-text';
import { NestedList } from '../http/nested';
import { Optional } from '../http/optional';
import { PersonBody } from '../http/person-body';
import { BallotPaperBody, ExclusionBody } from '../elections/election.dto';

/** More than any branch's roll (a branch is generally at most 50; a few are larger). */
const MAX_PEOPLE = 500;

/** 补选请示: which vacancy, why, when, how, and whom the branch proposes. */
export class RequestByElectionBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly byElectionId?: string;

  @ApiProperty({ format: 'uuid', description: 'The branch whose post is vacant.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiProperty({
    description: 'The vacated post (GET /branches/{id} lists the open `vacancies`).',
    example: '3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90',
  })
  @HumanText(200)
  readonly vacatedPostId!: string;

  @ApiProperty({ example: '组织委员王某某调离本市，组织关系已转出' })
  @HumanText(1000, { multiline: true })
  readonly reason!: string;

  @ApiProperty({ example: '2024-04-20', description: "The assembly's planned date, YYYY-MM-DD." })
  @IsCalendarDate()
  readonly plannedDate!: string;

  @NestedList(PersonBody, 20, {
    min: 1,
    description: 'The candidates the branch proposes, for the superior to review.',
  })
  readonly candidates!: PersonBody[];

  @ApiPropertyOptional({ example: '差额选举、无记名投票' })
  @Optional()
  @HumanText(200)
  readonly electionMethod?: string;

  @ApiPropertyOptional({
    example: '孝离党字〔2024〕3号',
    description: 'The request’s 文号, when the branch numbers it.',
  })
  @Optional()
  @HumanText(100)
  readonly requestReference?: string;
}

/** The superior's consent (同意补选) after reviewing the candidates. */
export class ConsentToByElectionBody extends CommandBody {
  @ApiProperty({ example: '孝老干字〔2024〕5号' })
  @HumanText(100)
  readonly consentReference!: string;

  @ApiProperty({ example: '2024-03-20', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly consentedOn!: string;
}

/** The vote: who holds it, who is present, and the returned ballots of its one seat. */
export class HoldByElectionBody extends CommandBody {
  @ApiProperty({
    enum: BY_ELECTION_BODIES,
    description: 'Who holds the vote: only `membersAssembly` is allowed (422 `BY_ELECTION_HELD_BY_COMMITTEE`).',
  })
  @IsIn(BY_ELECTION_BODIES)
  readonly heldBy!: ByElectionBody;

  @NestedList(ExclusionBody, MAX_PEOPLE, {
    description: 'Members excused from those due, with the superior’s consent.',
  })
  readonly exclusions!: ExclusionBody[];

  @NestedList(PersonBody, MAX_PEOPLE, { description: 'The voters present, by name.' })
  readonly presentVoters!: PersonBody[];

  @ApiProperty({ example: 9, description: 'Ballots issued: one per voter present.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly issued!: number;

  @NestedList(BallotPaperBody, 10_000, { description: 'Every returned ballot paper, as the tellers read it.' })
  readonly ballots!: BallotPaperBody[];
}

/** 补选结果报备: the result reported and filed (the secretary or deputy approved), with its document. */
export class FileByElectionResultBody extends CommandBody {
  @ApiProperty({ example: '孝老干字〔2024〕9号' })
  @HumanText(100)
  readonly filingReference!: string;

  @ApiProperty({ example: '2024-04-25', description: 'The filing date: the post is held from this day, YYYY-MM-DD.' })
  @IsCalendarDate()
  readonly filedOn!: string;
}
