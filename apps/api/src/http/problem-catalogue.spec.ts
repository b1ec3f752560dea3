import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import type { WorkersProblem } from '@app/application';
import { refuse, REFUSAL_CODES, refusalMessage, REFUSALS } from '@app/domain';
import {
  IdempotencyConflict,
  InvalidAppend,
  StorageFault,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
  type StorageFaultCode,
} from '@app/event-store';
import { Forbidden, Unauthenticated } from '../auth/auth-errors';
import { Degraded } from '../health/degraded';
import { missing } from './not-found';
import { EDGE_PROBLEMS, EdgeRefusal, edgeMessage, PROBLEM_CODES, type EdgeCode } from './problem-catalogue';
import { describe as describeError } from './problem-details.filter';
import { ValidationFailed } from './validation';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const request = { method: 'GET', path: '/nowhere', headers: {} } as Request;

describe('the edge problems', () => {
  it.each(Object.keys(EDGE_PROBLEMS) as EdgeCode[])('%s speaks Chinese and English', (code) => {
    for (const details of EDGE_PROBLEMS[code].examples) {
      const zh = edgeMessage(code, details as never, 'zh-CN');
      const en = edgeMessage(code, details as never, 'en');
      for (const message of [zh, en]) {
        expect(message.trim()).not.toBe('');
        expect(message).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
      expect(zh).toMatch(CJK);
      const own = stringsIn(details).reduce((text, fact) => text.split(fact).join(''), en);
      expect(own).not.toMatch(CJK);
    }
  });

  it('make one list of codes with the domain refusals: the ProblemDetails enum', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    expect(PROBLEM_CODES).toEqual([...REFUSAL_CODES, ...Object.keys(EDGE_PROBLEMS)].sort());
    expect(PROBLEM_CODES).toEqual(expect.arrayContaining(['IDEMPOTENCY_KEY_REUSED', 'VALIDATION_FAILED', 'NOT_FOUND']));
  });
});

describe('the problem details filter', () => {
  const storage: StorageFaultCode[] = ['STORAGE_FULL', 'STORAGE_READ_ONLY', 'STORAGE_FAILED', 'STORAGE_CORRUPT'];
  const workers: WorkersProblem[] = ['DEGRADED', 'CATCHING_UP', 'READ_MODEL_DIVERGED', 'WORKERS_UNAVAILABLE'];
  const everyHttpStatus = Array.from({ length: 200 }, (_, i) => 400 + i);
  const errors: readonly unknown[] = [
    refuse('QUORUM_NOT_MET', {
      present: 3,
      due: 5,
      numerator: 4,
      denominator: 5,
      inclusive: true,
      policyVersion: '2022-10-22',
    }),
    refuse('BRANCH_NOT_FOUND', { branchId: 'b-1', purpose: 'change' }),
    refuse('ID_IN_USE', {}),
    new ValidationFailed([{ field: 'If-Match', messages: ['must be an ETag this API returned, e.g. "3"'] }]),
    new Unauthenticated({ kind: 'missing' }),
    new Forbidden({ kind: 'noAccessRule' }),
    new EdgeRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', { contentType: 'text/plain' }),
    ...workers.map((code) => new Degraded('workers are not ready', code)),
    new WrongExpectedRevision('branch-1', 2, 3),
    new IdempotencyConflict('branch-1', ['e-1']),
    new StreamNotFound('branch-1'),
    new StoreUnavailable('The event store did not answer.'),
    ...storage.map((code) => new StorageFault(code, 'The disk said no.')),
    new InvalidAppend('no events'),
    new NotFoundException(missing('election', 'e-1')),
    ...everyHttpStatus.map((status) => new HttpException('whatever Nest says', status)),
    new SyntaxError('a bug'),
    'a thrown string',
  ];

  it('answers nothing but a declared code, in either language', () => {
    for (const error of errors) {
      for (const language of ['zh-CN', 'en'] as const) {
        const answer = describeError(error, request, language);
        expect(PROBLEM_CODES).toContain(answer.code);
        expect(answer.detail).not.toMatch(/undefined|\[object Object\]/);
        if (language === 'zh-CN') expect(answer.detail).toMatch(CJK);
      }
    }
  });

  it('answers a refusal in the language asked for, with its details', () => {
    const refusal = refuse('NOMINEE_NOT_FULL_MEMBER', { personId: 'm-1', name: '吴晓东' });
    expect(describeError(refusal, request, 'zh-CN')).toMatchObject({
      status: 422,
      code: 'NOMINEE_NOT_FULL_MEMBER',
      detail: '吴晓东是预备党员，预备党员没有被选举权（依据《中国共产党基层组织选举工作条例》第五条）。',
      details: { personId: 'm-1', name: '吴晓东' },
    });
    expect(describeError(refusal, request, 'en')).toMatchObject({
      detail:
        '吴晓东 is a probationary member, and probationary members have no right to be elected (Election Regulations, Art. 5).',
    });
  });

  it('answers a validation failure field by field in the language asked for', () => {
    const failed = new ValidationFailed([{ field: 'occurredAt', messages: ['must not be in the future'] }]);
    expect(describeError(failed, request, 'zh-CN')).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '请求的内容有误：occurredAt：不能晚于当前时间。',
      errors: [{ field: 'occurredAt', messages: ['不能晚于当前时间'] }],
    });
    expect(describeError(failed, request, 'en')).toMatchObject({
      detail: 'The request is invalid: occurredAt: must not be in the future',
      errors: [{ field: 'occurredAt', messages: ['must not be in the future'] }],
    });
  });

  it('names what does not exist, or the route that does not', () => {
    expect(describeError(new NotFoundException(missing('campaign', 'k-1')), request, 'zh-CN')).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: '换届工作 k-1 不存在。',
    });
    expect(describeError(new NotFoundException('Cannot GET /nowhere'), request, 'en')).toMatchObject({
      detail: 'Cannot GET /nowhere',
    });
    expect(describeError(new HttpException('I am a teapot', 418), request, 'en')).toMatchObject({
      status: 500,
      code: 'INTERNAL_ERROR',
    });
  });
});

describe('docs/rules.md', () => {
  const rules = readFileSync(join(__dirname, '../../../../docs/rules.md'), 'utf8');
  const sections = new Set([...rules.matchAll(/^#{2,3} (\d+(?:\.\d+)?)[. ]/gm)].map((match) => match[1]));

  it('states the rule of every refusal code, and has every section a refusal cites', () => {
    expect(REFUSAL_CODES.filter((code) => !rules.includes(`\`${code}\``))).toEqual([]);
    const cited = new Set<string>();
    for (const code of REFUSAL_CODES) {
      for (const details of REFUSALS[code].examples) {
        const english = refusalMessage(code, details as never, 'en');
        for (const match of english.matchAll(/docs\/rules\.md §([\d.]+)/g)) cited.add(match[1] as string);
      }
    }
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter((section) => !sections.has(section))).toEqual([]);
  });
});
