import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from '../../../src/common/canonical-json.js';

describe('canonicalJson', () => {
  it('writes every JSON value byte for byte as the canonicalize package (RFC 8785) does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out undefined members and writes undefined array items as null, as canonicalize does', () => {
    fc.assert(
      fc.property(fc.object({ values: [fc.constant(undefined), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)] }), fc.array(fc.option(fc.integer(), { nil: undefined })), (object, array) => {
        expect(canonicalJson({ object, array })).toBe(canonicalize({ object, array }));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers the ECMAScript way', () => {
    const value = { b: 1, a: [1e21, 1e-7, -0, 0.1 + 0.2, 100], '\u00e9': 'é', A: { z: null, y: true }, '\ud83d\ude00': '😀', '\uff61': 'ｱ' };
    expect(canonicalJson(value)).toBe(
      '{"A":{"y":true,"z":null},"a":[1e+21,1e-7,0,0.30000000000000004,100],"b":1,"é":"é","😀":"😀","｡":"ｱ"}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('writes a lone surrogate escaped, as JSON.stringify does, so text holding one can still be hashed', () => {
    expect(canonicalJson({ text: 'a\ud800b' })).toBe('{"text":"a\\ud800b"}');
  });
});
