import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ElectionDocuments } from '@app/application';
import type { FiledDocument } from '@app/domain';
import { OverviewAccess } from '../auth/access.decorators';
import { DOCX, FileAnswer, sendFile } from '../http/file-responses';
import { languageOf } from '../http/language';
import { XLSX } from '../http/read-responses';
import { sendXlsx } from '../reports/list-export';
import { missing } from '../http/not-found';
import { UuidParam } from '../http/read-responses';

const NOT_YET =
  'DOCUMENT_STEP_NOT_TAKEN: the step this document records has not been recorded, so there is nothing yet to write.';

/**
 * The documents an election files, as Word (.docx) in the layout of a party organ's document
 * (GB/T 9704: issuer in red, 文号, title, addressee, body in 仿宋, issuer and date), written from
 * the election's events: 换届选举请示, its 批复, and the 选举结果报告 with every round's votes.
 * For administrators, who file them, and auditors.
 */
@ApiTags('elections')
@OverviewAccess()
@Controller('elections')
export class ElectionDocumentsController {
  constructor(private readonly documents: ElectionDocuments) {}

  @Get(':electionId/documents/request.docx')
  @ApiOperation({
    summary:
      '换届选举请示 (.docx): the members, seats, method and agenda the request stated, under its 文号 and 届次, dated the day it was submitted',
  })
  @FileAnswer(DOCX, 'The request as a Word document.', { 400: true, 404: 'No election has this id.', 422: NOT_YET })
  request(@UuidParam('electionId') electionId: string, @Res() response: Response): Promise<void> {
    return this.send(electionId, 'request', response, { ascii: 'election-request.docx', chinese: '换届选举请示.docx' });
  }

  @Get(':electionId/documents/approval.docx')
  @ApiOperation({
    summary:
      "批复 (.docx): the superior's approval of the request, under the approval's 文号 and date, and when it lapses",
  })
  @FileAnswer(DOCX, 'The approval as a Word document.', { 400: true, 404: 'No election has this id.', 422: NOT_YET })
  approval(@UuidParam('electionId') electionId: string, @Res() response: Response): Promise<void> {
    return this.send(electionId, 'approval', response, { ascii: 'election-approval.docx', chinese: '批复.docx' });
  }

  @Get(':electionId/documents/result-report.docx')
  @ApiOperation({
    summary:
      '选举结果报告 (.docx): the assembly, every round’s ballots and each candidate’s votes, who was elected, the officers and their duties, under the report’s 文号',
  })
  @FileAnswer(DOCX, 'The result report as a Word document.', {
    400: true,
    404: 'No election has this id.',
    422: NOT_YET,
  })
  resultReport(@UuidParam('electionId') electionId: string, @Res() response: Response): Promise<void> {
    return this.send(electionId, 'result', response, {
      ascii: 'election-result-report.docx',
      chinese: '选举结果报告.docx',
    });
  }

  @Get(':electionId/documents/result.xlsx')
  @ApiOperation({
    summary:
      "The election's result as an Excel workbook: a sheet of facts (branch, 届次, every 文号, dates, voters, who was elected) and a sheet of every round's ballots with each candidate's votes",
  })
  @FileAnswer(XLSX, 'The result as an Excel workbook, headers in the request’s language.', {
    400: true,
    404: 'No election has this id.',
    422: NOT_YET,
  })
  async resultWorkbook(@UuidParam('electionId') electionId: string, @Res() response: Response): Promise<void> {
    const sheets = await this.documents.resultSheets(electionId, languageOf(response.req));
    if (sheets === null) throw new NotFoundException(missing('election', electionId));
    await sendXlsx(response, sheets, { ascii: 'election-result.xlsx', chinese: '选举结果.xlsx' });
  }

  private async send(
    electionId: string,
    document: FiledDocument,
    response: Response,
    names: { ascii: string; chinese: string },
  ): Promise<void> {
    const bytes = await this.documents.document(electionId, document);
    if (bytes === null) throw new NotFoundException(missing('election', electionId));
    sendFile(response, bytes, DOCX, names);
  }
}
