import { anniversaryOf } from './iso-date';

describe('anniversaryOf', () => {
  it('is the same day and month the given number of years later', () => {
    expect(anniversaryOf('1961-04-12', 18)).toBe('1979-04-12');
    expect(anniversaryOf('1999-12-31', 18)).toBe('2017-12-31');
  });

  it('is 1 March in a common year for someone born on 29 February, and 29 February in a leap year', () => {
    expect(anniversaryOf('1960-02-29', 18)).toBe('1978-03-01');
    expect(anniversaryOf('1960-02-29', 20)).toBe('1980-02-29');
    expect(anniversaryOf('1980-02-29', 20)).toBe('2000-02-29');
    expect(anniversaryOf('1880-02-29', 20)).toBe('1900-03-01');
  });
});
