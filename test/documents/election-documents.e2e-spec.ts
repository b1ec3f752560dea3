import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { committeeElection, type CommitteeElection } from './committee-election';
import { convertAllToPdf, firstPagePng, officeTools, pdfText } from './office-tools';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PICTURE = join(__dirname, '..', '..', 'docs', 'documents', 'result-report.png');

/** Reads a binary answer whole. */
const binary = (res: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/**
 * An election's 届次 and 文号 in its reads, and the documents it files (换届选举请示, 批复,
 * 选举结果报告) as Word files written from its events, over HTTP on the embedded store. Each
 * document is opened by LibreOffice (converted to PDF) and read back as text; the result
 * report's first page is pictured in docs/documents/.
 */
describe('an election’s 届次, 文号 and filed documents', () => {
  let api: BootedApi;
  let http: App;
  let run: CommitteeElection;
  const work = mkdtempSync(join(tmpdir(), 'branchflow-docx-'));
  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const document = (name: string) =>
    request(http).get(`/elections/${run.electionId}/documents/${name}`).buffer(true).parse(binary);

  beforeAll(async () => {
    api = await bootApi({ env: { BRANCHFLOW_ELECTION_TIMER_MINUTES: '0' } });
    http = api.app.getHttpServer();
    run = await committeeElection(http, 'documents-fuqian');
  }, 120_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await api.close();
  });

  it('refuses each document before its step with 422 and a Chinese sentence, appending nothing', async () => {
    const before = await eventCount();
    for (const [name, title] of [
      ['request.docx', '换届选举请示'],
      ['approval.docx', '批复'],
      ['result-report.docx', '选举结果报告'],
    ] as const) {
      const refused = await request(http).get(`/elections/${run.electionId}/documents/${name}`).expect(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('DOCUMENT_STEP_NOT_TAKEN');
      expect(refused.body.detail).toContain(`《${title}》尚不能生成`);
      expect(refused.body.detail).toContain('（选举目前处于“已完成摸排”阶段）');
    }
    await run.to('request');
    await document('request.docx').expect(200);
    const approval = await request(http).get(`/elections/${run.electionId}/documents/approval.docx`).expect(422);
    expect(approval.body.detail).toMatch(/“上级党组织批复”这一步尚未记录/);
    await request(http).get(`/elections/00000000-0000-4000-8000-000000000000/documents/request.docx`).expect(404);
    expect(await eventCount()).toBe(before + 1);
  }, 60_000);

  it('shows the 届次 and every 文号 in the election and in its branch’s list', async () => {
    await run.to('approved');
    const view = await request(http).get(`/elections/${run.electionId}`).expect(200);
    expect(view.body.termNumber).toBe(3);
    expect(view.body.state.census).toMatchObject({ termNumber: 3, termNumberBasis: 'stated' });
    expect(view.body.state.request.requestReference).toBe('府前支〔2023〕1号');
    const numbers = {
      request: '府前支〔2023〕1号',
      requestApproval: '孝老干党字〔2023〕12号',
      resultReport: '府前支〔2023〕3号',
      resultApproval: '孝老干党字〔2023〕21号',
      filing: '孝老干党备〔2023〕4号',
    };
    expect(view.body.documentNumbers).toEqual(numbers);
    const list = await request(http).get(`/branches/${run.branchId}/elections`).expect(200);
    expect(list.body.elections).toEqual([
      expect.objectContaining({ electionId: run.electionId, termNumber: 3, documentNumbers: numbers }),
    ]);
    // Reporting jobs see them too: they name no one.
    const asReporter = await request(http)
      .get(`/elections/${run.electionId}`)
      .set('Authorization', `Bearer ${await tokenFor(api.config, 'reporter')}`)
      .expect(200);
    expect(asReporter.body).toMatchObject({ termNumber: 3, documentNumbers: numbers });
  }, 60_000);

  it('counts the next election’s 届次 from this one, and refuses a 届次 or a 文号 that cannot be', async () => {
    await request(http)
      .post(`/elections/${run.electionId}/request-installation`)
      .set('Idempotency-Key', 'documents-fuqian:install')
      .send({ occurredAt: '2023-05-26' })
      .expect(202);
    for (let waited = 0; ; waited += 25) {
      const view = await request(http).get(`/elections/${run.electionId}`).expect(200);
      if (view.body.state.status === 'installed') break;
      if (waited > 20_000) throw new Error(`still ${view.body.state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const census = {
      branchId: run.branchId,
      committeeWorking: '支委会运转正常',
      secretarySituation: '书记身体健康',
      occurredAt: '2023-09-01',
    };
    const before = await eventCount();
    const conflict = await request(http)
      .post('/elections')
      .set('Idempotency-Key', 'documents-fuqian:next-census-stated')
      .send({ ...census, termNumber: 6 })
      .expect(422);
    expect(conflict.body).toMatchObject({ code: 'TERM_NUMBER_CONFLICT' });
    expect(conflict.body.detail).toBe(
      '本次选举填报为第六届，但该支部上一次完成任职的选举产生的是第三届委员会，本次应为第四届（见 docs/rules.md 第 6.1 节）。',
    );
    expect(await eventCount()).toBe(before);
    const opened = await request(http)
      .post('/elections')
      .set('Idempotency-Key', 'documents-fuqian:next-census')
      .send(census)
      .expect(201);
    const next = opened.body.id as string;
    expect(opened.body.events[0].data).toMatchObject({ termNumber: 4, termNumberBasis: 'previousElection' });
    const malformed = await request(http)
      .post(`/elections/${next}/request`)
      .set('Idempotency-Key', 'documents-fuqian:next-request')
      .send({
        plannedDate: '2028-04-20',
        committee: true,
        committeeSeats: 3,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '党员推荐',
        requestReference: '第12号',
        occurredAt: '2023-09-02',
      })
      .expect(400);
    expect(malformed.body.code).toBe('DOCUMENT_NUMBER_MALFORMED');
    expect(malformed.body.detail).toContain('换届请示文号“第12号”不是规范的文号');
    expect(await eventCount()).toBe(before + 1);
  }, 60_000);

  const tools = officeTools();
  const withOffice = typeof tools === 'string' ? it.skip : it;
  if (typeof tools === 'string') {
    console.log(`Skipping the LibreOffice checks of the Word documents: ${tools}`);
  }

  withOffice(
    'writes the three documents as .docx that LibreOffice opens, holding 文号, 届次, dates, seats, candidates and votes',
    async () => {
      if (typeof tools === 'string') return;
      const files: string[] = [];
      for (const [name, chinese] of [
        ['request.docx', '换届选举请示.docx'],
        ['approval.docx', '批复.docx'],
        ['result-report.docx', '选举结果报告.docx'],
      ] as const) {
        const answer = await document(name).expect(200);
        expect(answer.headers['content-type']).toBe(DOCX);
        expect(answer.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(chinese)}`);
        const bytes = answer.body as Buffer;
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        const file = join(work, name);
        writeFileSync(file, bytes);
        files.push(file);
      }
      // Opened by LibreOffice, and read back as a reader sees them: text without line breaks.
      const pdfs = convertAllToPdf(tools.libreOffice, files);
      const texts: Record<string, string> = Object.fromEntries(
        ['request.docx', 'approval.docx', 'result-report.docx'].map((name, i) => [
          name,
          pdfText(tools.pdftotext, pdfs[i] as string).replace(/\s+/g, ''),
        ]),
      );
      expect(texts['request.docx']).toEqual(expect.stringContaining('关于召开党员大会进行换届选举的请示'));
      for (const fact of [
        '府前支〔2023〕1号',
        '孝义市离退休干部党委：',
        '第三届支部委员会',
        '2023年5月20日',
        '正式党员10名',
        '由委员3名组成',
        '2023年3月5日',
      ]) {
        expect({ fact, found: texts['request.docx']?.includes(fact) }).toEqual({ fact, found: true });
      }
      for (const fact of [
        '孝老干党字〔2023〕12号',
        '关于同意府前社区离退休干部党支部进行换届选举的批复',
        '（府前支〔2023〕1号）',
        '2023年6月8日',
        '2023年3月10日',
      ]) {
        expect({ fact, found: texts['approval.docx']?.includes(fact) }).toEqual({ fact, found: true });
      }
      for (const fact of [
        '府前支〔2023〕3号',
        '关于第三届支部委员会选举结果的报告',
        '（孝老干党字〔2023〕12号）',
        '应到会有选举权的党员10名，实到会8名',
        '共发出选票8张，收回8张，其中有效票8张、无效票0张',
        '王秀英8',
        '李全爱710当选',
        '武雅君701当选',
        '张建国251未当选',
        '当选为第三届支部委员会委员',
        '选举王秀英为支部书记（赞成3票、反对0票、弃权0票）',
        '2023年5月22日',
      ]) {
        expect({ fact, found: texts['result-report.docx']?.includes(fact) }).toEqual({ fact, found: true });
      }
      mkdirSync(join(PICTURE, '..'), { recursive: true });
      firstPagePng(tools.pdftoppm, pdfs[2] as string, PICTURE);
    },
    300_000,
  );
});
