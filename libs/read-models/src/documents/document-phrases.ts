import { chineseNumber, zhDate } from '@app/domain';
import type { ElectionFile } from './election-file';

/** 第三届 for 3; an empty 届次 (第\u3000届) where the census predates the count, as a form leaves it blank. */
export function termName(termNumber: number | null): string {
  return termNumber === null ? '第\u3000届' : `第${chineseNumber(termNumber)}届`;
}

/** A clerk's free text as a clause inside a sentence: without its closing full stop or semicolon. */
export function clause(text: string): string {
  return text.trim().replace(/[。；;.，,]+$/u, '');
}

/** Names joined as Chinese lists them: 甲、乙、丙. */
export function listed(names: readonly string[]): string {
  return names.join('、');
}

/** What the branch elects: its committee of that 届次, or (without a committee) its secretary and deputy. */
export function whatIsElected(file: ElectionFile): string {
  const request = file.request;
  if (request === null || request.committee) return `${termName(file.termNumber)}支部委员会`;
  return `支部书记${request.deputySecretary ? '、副书记' : ''}`;
}

export const day = zhDate;
