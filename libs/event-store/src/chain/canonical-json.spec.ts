import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined fields and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: true, x: null }], c: '永安' }, u: undefined })).toBe(
      '{"a":{"c":"永安","d":[3,{"x":null,"y":true}]},"b":1}',
    );
  });

  it('encodes like JSON.stringify when keys are already sorted', () => {
    const value = { a: 'x"y\n', b: [1.5, -0, 1e21], c: { d: false } };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('Cannot encode the number NaN');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('Cannot encode a function');
  });
});
