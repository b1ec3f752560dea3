import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MAX_WORKBOOK_BYTES, RollImporter, templateWorkbook, type ImportReport } from '@app/application';
import { AdminAccess } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { actorOf } from '../http/command-request';
import { languageOf } from '../http/language';
import { ProblemResponses } from '../http/problem-responses';
import { ReadAnswer } from '../http/read-responses';
import { ImportQuery } from './import.dto';
import { ImportProgressAnswerDto, ImportReportDto } from './import-view.dto';
import { readUpload, WORKBOOK_TYPES, XLSX } from './workbook-upload';

@ApiTags('imports')
@AdminAccess()
@Controller('imports')
export class ImportsController {
  constructor(private readonly importer: RollImporter) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import the bureau’s workbook (.xlsx, or a CSV of one sheet, UTF-8): a dry run by default; apply=true records it',
    description:
      'Send the file itself as the body (Content-Type ' +
      `${XLSX} or text/csv, at most 20 MB). Sheets 党委, 支部, 党员 and 委员会任职, with the columns of GET /imports/template. ` +
      'The dry run answers every problem (sheet, row, column, value, why) and what would be recorded, and records nothing. ' +
      'apply=true records it as the organisation’s own commands, with ids derived from the rows: the same workbook again ' +
      'records nothing, an edited one records the corrections, and an apply cut short is completed by sending it again.',
  })
  @ApiConsumes(...WORKBOOK_TYPES)
  @ApiBody({ required: true, schema: { type: 'string', format: 'binary' } })
  @ReadAnswer(ImportReportDto, {
    description: 'The report: a dry run, or what was recorded.',
    problems: {
      400: 'The file is not a workbook the import reads (WORKBOOK_UNREADABLE, WORKBOOK_ARCHIVE_BOMB, WORKBOOK_NOT_UTF8, WORKBOOK_NO_SHEETS, WORKBOOK_TOO_LARGE), or the query is malformed.',
      409: 'A record the workbook touches changed while it was applied; send it again.',
      413: 'A JSON body (which this route does not take) larger than 100 kB, refused before it is read.',
      415: `The body is not ${XLSX} or text/csv.`,
      422: 'apply=true and the workbook has problems (WORKBOOK_HAS_PROBLEMS): nothing recorded; the dry run lists them.',
      429: true,
    },
  })
  async import(@Req() request: AuthenticatedRequest, @Query() query: ImportQuery): Promise<ImportReport> {
    const file = await readUpload(request as Request, MAX_WORKBOOK_BYTES);
    return this.importer.import({
      file,
      asOf: query.asOf ?? this.importer.today(),
      actor: actorOf(request),
      language: languageOf(request as Request),
      apply: query.apply ?? false,
    });
  }

  @Get('progress')
  @ApiOperation({
    summary: 'How far the apply under way in this API process has come (events appended of those planned)',
  })
  @ReadAnswer(ImportProgressAnswerDto)
  progress(): ImportProgressAnswerDto {
    const progress = this.importer.progress();
    return { items: progress === null ? [] : [progress] };
  }

  @Get('template')
  @ApiOperation({
    summary: 'The workbook to fill in: sheets 党委, 支部, 党员 and 委员会任职 with their headers and an example row',
  })
  @ApiProduces(XLSX)
  @ApiResponse({
    status: 200,
    description: 'An .xlsx workbook (导入模板.xlsx).',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ProblemResponses({ 503: true })
  async template(@Res() response: Response): Promise<void> {
    const file = await templateWorkbook();
    response
      .status(200)
      .type(XLSX)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('导入模板.xlsx')}`,
      )
      .send(file);
  }
}
