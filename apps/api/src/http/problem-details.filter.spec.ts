import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { SqliteDatabase } from '@app/event-store';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Throws what a read-model query throws when SQLite fails with `code`: the driver's own error. */
@Controller('read-model')
class FailingQueryController {
  @Get(':code')
  query(@Param('code') code: string): never {
    throw new SqliteDatabase.SqliteError(`driver words for ${code}`, code);
  }
}

describe('ProblemDetailsFilter on a read-model query the driver refuses', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [FailingQueryController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it.each(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_PROTOCOL'])(
    '%s: 503 STORE_UNAVAILABLE, a retry may succeed',
    async (code) => {
      const answer = await request(app.getHttpServer() as App)
        .get(`/read-model/${code}`)
        .set('Accept-Language', 'en');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        detail: `The read-model database is busy (${code}).`,
      });
      const chinese = await request(app.getHttpServer() as App).get(`/read-model/${code}`);
      expect(chinese.headers['content-language']).toBe('zh-CN');
      expect(chinese.body).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        detail: `事件库暂时无法访问，本次操作未记录任何内容：请稍后重试。（技术信息：The read-model database is busy (${code}).）`,
      });
    },
  );

  it.each([
    ['SQLITE_FULL', 'STORAGE_FULL'],
    ['SQLITE_CORRUPT', 'STORAGE_CORRUPT'],
    ['SQLITE_PERM', 'STORAGE_FAILED'],
    ['SQLITE_NOLFS', 'STORAGE_FAILED'],
    ['SQLITE_NOMEM', 'STORAGE_FAILED'],
  ])('%s: 503 %s, naming the read-model database', async (code, fault) => {
    const answer = await request(app.getHttpServer() as App)
      .get(`/read-model/${code}`)
      .set('Accept-Language', 'en');
    expect(answer.status).toBe(503);
    expect(answer.headers['content-language']).toBe('en');
    expect(answer.body).toMatchObject({
      code: fault,
      detail: expect.stringMatching(new RegExp(`^The read-model database failed: .* \\(${code}\\); .*\\.$`)),
    });
  });

  it('a driver error that is no storage trouble stays a 500 that reveals nothing', async () => {
    const answer = await request(app.getHttpServer() as App).get('/read-model/SQLITE_ERROR');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL_ERROR' });
  });
});
