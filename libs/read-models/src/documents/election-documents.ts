import type { FiledDocument } from '@app/domain';
import { approvalDocument } from './approval-document';
import { requireDocumentStep, type ElectionFile } from './election-file';
import { requestDocument } from './request-document';
import { resultReportDocument } from './result-report-document';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Each filed document: its Chinese title as a file name, and how it is written from the file. */
export const FILED_DOCUMENTS: Readonly<
  Record<FiledDocument, { readonly title: string; readonly write: (file: ElectionFile) => Promise<Buffer> }>
> = {
  request: { title: '换届选举请示', write: requestDocument },
  approval: { title: '批复', write: approvalDocument },
  result: { title: '选举结果报告', write: resultReportDocument },
};

/** The document as .docx bytes; refused (DOCUMENT_STEP_NOT_TAKEN) while its step is not recorded. */
export function electionDocument(file: ElectionFile, document: FiledDocument): Promise<Buffer> {
  requireDocumentStep(file, document);
  return FILED_DOCUMENTS[document].write(file);
}
