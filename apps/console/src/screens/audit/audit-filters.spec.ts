import { describe, expect, it } from '@jest/globals';
import { auditRoute, eventsQuery, filtersOf } from './audit-filters';

describe('the audit log filters in the address', () => {
  it('round-trip through the address, several types included', () => {
    const route = auditRoute({
      branchId: 'b-1',
      types: ['CensusTaken', 'ElectionRequested'],
      from: '2023-01-01',
      to: '2023-03-31',
    });
    expect(route).toBe('/audit?branch=b-1&type=CensusTaken&type=ElectionRequested&from=2023-01-01&to=2023-03-31');
    const filters = filtersOf(new URLSearchParams(route.split('?')[1]));
    expect(eventsQuery(filters)).toEqual({
      branchId: 'b-1',
      type: ['CensusTaken', 'ElectionRequested'],
      from: '2023-01-01',
      to: '2023-03-31',
    });
  });

  it('drops what the API would refuse: malformed dates and type names', () => {
    const filters = filtersOf(new URLSearchParams('from=2023-1-1&type=Census%20Taken&type=CensusTaken&actor=%20'));
    expect(filters).toMatchObject({ from: null, types: ['CensusTaken'], actorId: null });
    expect(auditRoute({})).toBe('/audit');
  });
});
