import type {
  BranchReportRow,
  MemberReportRow,
  ReportPage,
  ReporterMemberReportRow,
  Statistics,
} from '@app/read-models';
import { DEPARTURE_REASONS, MEMBERSHIPS, SEXES } from '../http/domain-values';
import { Count, CountsBy, Day, Flag, Int, List, Num, Obj, OneOf, Text, Id } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class BranchFiguresDto {
  @Count() readonly open!: number;
  @Count() readonly dissolved!: number;
  @Count({ description: 'Open branches where an elected committee member holds a post.' })
  readonly withCommittee!: number;
  @Count() readonly withoutCommittee!: number;
}

class MemberFiguresDto {
  @Count() readonly active!: number;
  @Count() readonly full!: number;
  @Count() readonly probationary!: number;
  @Count() readonly left!: number;
}

class SecretaryFiguresDto {
  @Count({ description: 'Current secretaries of open branches.' }) readonly count!: number;
  @Count({ description: 'Those with a birth date on the roll: the ages below are theirs.' })
  readonly withKnownAge!: number;
  @Int({ minimum: 0, nullable: true }) readonly youngestAge!: number | null;
  @Num({ nullable: true, description: 'The median age; .5 between two ages.' }) readonly medianAge!: number | null;
  @OneOf(['birthDate', 'birthYear'], 'AgeReckoning', {
    description: 'Full years from the birth date (auditors), or by birth year (reporting jobs).',
  })
  readonly agesBy!: Statistics['secretaries']['agesBy'];
}

class RestructuringFiguresDto {
  @Count() readonly proposed!: number;
  @Count() readonly approved!: number;
  @Count() readonly executing!: number;
  @Count() readonly completed!: number;
  @Count() readonly abandoned!: number;
}

export class StatisticsDto {
  @Day({ description: 'The day ages are computed against; counts are as the read model stands now.' })
  readonly asOf!: string;
  @Obj(() => BranchFiguresDto) readonly branches!: BranchFiguresDto;
  @Obj(() => MemberFiguresDto) readonly members!: MemberFiguresDto;
  @Obj(() => SecretaryFiguresDto) readonly secretaries!: SecretaryFiguresDto;
  @Obj(() => RestructuringFiguresDto, { description: 'Restructurings by state.' })
  readonly restructurings!: RestructuringFiguresDto;
  @CountsBy({ description: 'Elections by status; empty until elections exist.' })
  readonly elections!: Readonly<Record<string, number>>;
}

describesView<StatisticsDto, Statistics>('matches');

class BranchReportRowDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Id() readonly committeeId!: string;
  @Text({ nullable: true }) readonly committeeName!: string | null;
  @Flag() readonly joint!: boolean;
  @OneOf(['open', 'dissolved'], 'BranchReportStatus') readonly status!: string;
  @Day() readonly establishedOn!: string;
  @Day({ nullable: true }) readonly dissolvedOn!: string | null;
  @Count() readonly fullMembers!: number;
  @Count() readonly probationaryMembers!: number;
  @Flag() readonly hasCommittee!: boolean;
  @Id({ nullable: true }) readonly secretaryId!: string | null;
  @Text({ nullable: true }) readonly secretaryName!: string | null;
}

export class BranchReportPageDto {
  @List(() => BranchReportRowDto) readonly items!: readonly BranchReportRowDto[];
  @Text({ nullable: true, description: 'The branch id to pass as `after` for the next page; null at the end.' })
  readonly next!: string | null;
}

describesView<BranchReportPageDto, ReportPage<BranchReportRow>>('matches');

/** A roll row; reporting jobs get no birth date and a departure reason of `death` or `other`. */
class MemberReportRowDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @OneOf(SEXES, 'Sex') readonly sex!: string;
  @Day({ optional: true, description: 'Withheld from reporting jobs.' }) readonly birthDate?: string;
  @Day() readonly joinedPartyOn!: string;
  @Text() readonly formerPostLevel!: string;
  @OneOf(MEMBERSHIPS, 'Membership') readonly membership!: string;
  @Flag() readonly votingSuspended!: boolean;
  @OneOf(['active', 'left'], 'MemberReportStatus') readonly status!: string;
  @Id() readonly branchId!: string;
  @Text({ nullable: true }) readonly branchName!: string | null;
  @Day() readonly admittedOn!: string;
  @Day({ nullable: true }) readonly leftOn!: string | null;
  @OneOf(DEPARTURE_REASONS, 'DepartureReason', { nullable: true }) readonly leftReason!: string | null;
  @Text({ example: '70-74', description: 'Five-year band of the age on the report’s date; `90+` from 90.' })
  readonly ageBand!: string;
}

export class MemberReportPageDto {
  @List(() => MemberReportRowDto) readonly items!: readonly MemberReportRowDto[];
  @Text({ nullable: true, description: 'The member id to pass as `after` for the next page; null at the end.' })
  readonly next!: string | null;
}

describesView<MemberReportPageDto, ReportPage<MemberReportRow> | ReportPage<ReporterMemberReportRow>>('matches');
