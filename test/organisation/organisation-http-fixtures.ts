import request from 'supertest';
import type { App } from 'supertest/types';

/**
 * Builds the organisation a test needs through the API itself, so every fixture goes through
 * the same validation, handlers and projection as the request under test.
 */
export class OrganisationFixtures {
  private sequence = 0;

  constructor(private readonly http: App) {}

  async committee(name = '孝义市离退休干部党委'): Promise<string> {
    // Dated before the branches and members the suites record in 2023: nothing predates its committee.
    const created = await request(this.http)
      .post('/committees')
      .send({ name, kind: 'committee', occurredAt: '2022-01-01' })
      .expect(201);
    return created.body.events[0].data.committeeId as string;
  }

  async branch(committeeId: string, name = '府前社区离退休干部党支部'): Promise<string> {
    const created = await request(this.http)
      .post('/branches')
      .send({ name, parentCommitteeId: committeeId, occurredAt: '2023-01-10' })
      .expect(201);
    return created.body.events[0].data.branchId as string;
  }

  async member(
    branchId: string,
    overrides: { name?: string; membership?: 'full' | 'probationary' } = {},
  ): Promise<string> {
    this.sequence += 1;
    const admitted = await request(this.http)
      .post('/members')
      .send({
        name: overrides.name ?? `党员${this.sequence}`,
        birthDate: '1950-03-08',
        sex: this.sequence % 2 === 0 ? 'female' : 'male',
        joinedPartyOn: '1975-07-01',
        formerPostLevel: '科级',
        membership: overrides.membership ?? 'full',
        branchId,
        occurredAt: '2023-02-01',
      })
      .expect(201);
    return admitted.body.events[0].data.memberId as string;
  }

  async members(branchId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await this.member(branchId));
    return ids;
  }
}
