import type {
  ImportChange,
  ImportProblemLine,
  ImportProgressView,
  ImportReport,
  ImportSummaryLine,
} from '@app/application';
import { Count, Day, Flag, Int, List, OneOf, Text, Texts } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class ImportSheetDto {
  @Text({ description: 'The sheet’s name (a CSV file takes the name of the sheet its headers are).' })
  readonly name!: string;
  @OneOf(['committees', 'branches', 'members', 'posts', 'ignored'], 'ImportSheetKind') readonly kind!: string;
  @Count({ description: 'Rows below the header row.' }) readonly rows!: number;
}

class ImportProblemDto {
  @Text() readonly sheet!: string;
  @Int({
    minimum: 1,
    nullable: true,
    description: 'The row as the spreadsheet numbers it; null for the sheet as a whole.',
  })
  readonly row!: number | null;
  @Text({ nullable: true, description: 'The column’s header.' }) readonly column!: string | null;
  @Text({ nullable: true, description: 'The value as written.' }) readonly value!: string | null;
  @Text({ description: 'The refusal code (IMPORT_…, or the rule a row breaks).' }) readonly code!: string;
  @Text({ description: 'Why, in the request’s language.' }) readonly message!: string;
}

describesView<ImportProblemDto, ImportProblemLine>('matches');

class ImportSummaryDto {
  @Text({ description: 'The act, in Chinese (新建支部, 接收为正式党员, 任职 …).' }) readonly action!: string;
  @Count() readonly count!: number;
}

describesView<ImportSummaryDto, ImportSummaryLine>('matches');

class ImportChangeDto {
  @Text() readonly sheet!: string;
  @Int({ minimum: 1 }) readonly row!: number;
  @Text({ description: 'What is recorded, in Chinese.' }) readonly action!: string;
  @Text({ description: 'Whom or what it concerns.' }) readonly subject!: string;
}

describesView<ImportChangeDto, ImportChange>('matches');

export class ImportReportDto {
  @Text({ description: 'SHA-256 of the file (hex).' }) readonly digest!: string;
  @Day() readonly asOf!: string;
  @Flag({ description: 'Whether this request recorded (apply=true).' }) readonly applied!: boolean;
  @List(() => ImportSheetDto) readonly sheets!: readonly ImportSheetDto[];
  @Count() readonly problemCount!: number;
  @List(() => ImportProblemDto, { description: 'Every problem, up to 2,000 (problemCount says how many in all).' })
  readonly problems!: readonly ImportProblemDto[];
  @List(() => ImportSummaryDto, { description: 'What is (or would be) recorded, by act.' })
  readonly summary!: readonly ImportSummaryDto[];
  @Count() readonly changeCount!: number;
  @List(() => ImportChangeDto, { description: 'Each change, up to 2,000, in the order recorded.' })
  readonly changes!: readonly ImportChangeDto[];
  @Count({ description: 'Events the changes are recorded as.' }) readonly plannedEvents!: number;
  @Count({ description: 'Events this request appended: 0 for a dry run and for a workbook already imported.' })
  readonly appendedEvents!: number;
  @Texts({ description: 'What was read but not recorded, and the like, in Chinese.' })
  readonly notes!: readonly string[];
}

describesView<ImportReportDto, ImportReport>('matches');

export class ImportProgressDto {
  @Text({ description: 'The workbook’s digest once known; empty while it is read.' }) readonly digest!: string;
  @Count() readonly appendedEvents!: number;
  @Count() readonly plannedEvents!: number;
  @Flag() readonly running!: boolean;
}

describesView<ImportProgressDto, ImportProgressView>('matches');

export class ImportProgressAnswerDto {
  @List(() => ImportProgressDto, {
    description: 'The apply under way in this API process, or its last; empty when none ran.',
  })
  readonly items!: readonly ImportProgressDto[];
}
