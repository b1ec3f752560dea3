import {
  type Language,
  electionStreamDecider,
  electionStreamName,
  fold,
  type ElectionStreamEvent,
  type FiledDocument,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import {
  electionDocument,
  electionFileOf,
  electionResultSheets,
  type ElectionFile,
  type WorkbookSheet,
} from '@app/read-models';
import { readWholeStream, toDomainEvent } from '../command-handling/load-stream';
import type { OrganisationFacts } from '../organisation/organisation-facts';

/**
 * The documents an election files (换届选举请示, 批复, 选举结果报告), written from its own
 * stream's events, with the branch's and its superior committee's names as their streams hold
 * them now. Read through the caller's store, so a committee-scoped caller reaches only their own.
 */
export class ElectionDocuments {
  constructor(
    private readonly store: EventStore,
    private readonly organisation: OrganisationFacts,
  ) {}

  /** Null when the election has no events. */
  async file(electionId: string): Promise<ElectionFile | null> {
    const recorded = await readWholeStream(this.store, electionStreamName(electionId));
    if (recorded.length === 0) return null;
    const events = recorded.map((event) => toDomainEvent<ElectionStreamEvent>(event));
    const state = fold(electionStreamDecider, events);
    if (state.status === 'none') return null;
    const branch = await this.organisation.branch(state.branchId);
    const branchName = branch.status === 'none' ? state.branchId : branch.name;
    const superiorId = branch.status === 'none' ? null : branch.parentCommitteeId;
    const superior = superiorId === null ? null : (await this.organisation.committeeWithRevision(superiorId)).state;
    const superiorName = superior === null || superior.status === 'none' ? '上级党组织' : superior.name;
    return electionFileOf(electionId, events, { branchName, superiorName, status: state.status });
  }

  /** The document's .docx bytes, null for an unknown election; refused while its step is not recorded. */
  async document(electionId: string, document: FiledDocument): Promise<Buffer | null> {
    const file = await this.file(electionId);
    return file === null ? null : electionDocument(file, document);
  }

  /** The result as workbook sheets (facts, and every round's votes), null for an unknown election; refused until reported. */
  async resultSheets(electionId: string, language: Language): Promise<WorkbookSheet[] | null> {
    const file = await this.file(electionId);
    return file === null ? null : electionResultSheets(file, language);
  }
}
