// Composition edits, and how documents carry a composition: links keep built-in experts and
// the mixing (frozen models stay in files and storage), damaged compositions are dropped with
// a notice, and documents from before composing still load.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/settings';
import type { ExpertDef } from '../contract/experts';
import * as C from './composition';
import { parseDocumentLenient } from './persist/lenient';
import { parseDocumentStrict } from './persist';
import { decodeShareLink, encodeShareLink } from './shareLink';
import { DEFAULT_DOCUMENT, type EbmDocument } from './schema';

const model: ExpertDef = {
  id: 'm1',
  label: 'MLP #1',
  kind: 'model',
  settings: DEFAULT_SETTINGS,
  weights: { shapes: [[2, 3]], values: [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]] },
};

describe('composition edits', () => {
  it('adds up to 4 experts with weight 1, removes by id, clamps weights', () => {
    let c = C.addExpert(null, C.builtinExpert('ring'));
    for (let i = 0; i < 5; i++) c = C.addExpert(c, C.builtinExpert('rightHalf'));
    expect(c.experts.length).toBe(4);
    expect(c.mixing.weights).toEqual([1, 1, 1, 1]);
    c = C.setWeight(c, 1, 7);
    expect(c.mixing.weights[1]).toBe(3);
    c = C.setOn(c, true);
    c = C.removeExpert(c, c.experts[0].id);
    expect(c.experts.length).toBe(3);
    expect(c.mixing.weights).toEqual([3, 1, 1]);
    expect(c.mixing.on).toBe(true);
  });

  it('the half-ring example is ring AND right half-plane, on', () => {
    const c = C.halfRingExample();
    expect(c.experts.map((e) => (e.kind === 'builtin' ? e.name : e.kind))).toEqual([
      'ring',
      'rightHalf',
    ]);
    expect(c.mixing).toEqual({ on: true, mode: 'and', weights: [1, 1] });
  });
});

describe('documents with a composition', () => {
  const withComposition = (): EbmDocument => {
    let c = C.addExpert(C.halfRingExample(), model);
    c = C.setMode(C.setWeight(c, 1, 1.5), 'or');
    return { ...DEFAULT_DOCUMENT, composition: c };
  };

  it('a file keeps every expert with its weights (strict validation)', () => {
    const doc = withComposition();
    const r = parseDocumentStrict(JSON.parse(JSON.stringify(doc)));
    expect(r.ok && r.doc.composition).toEqual(doc.composition);
  });

  it('a link keeps built-in experts and the mixing, and leaves model experts out', () => {
    const doc = withComposition();
    expect(C.forLink(doc.composition).dropped).toBe(1);
    const r = encodeShareLink(doc, 'https://x.test/');
    if ('tooLong' in r) throw new Error('too long');
    const back = decodeShareLink(new URL(r.url).hash)!;
    expect(back.notices).toEqual([]);
    expect(back.doc.composition).toEqual({
      experts: doc.composition!.experts.slice(0, 2),
      mixing: { on: true, mode: 'or', weights: [1, 1.5] },
    });
  });

  it('a damaged composition is dropped with a notice; old documents load without one', () => {
    const bad = { ...withComposition(), composition: { experts: [{ kind: 'nope' }] } };
    const r = parseDocumentLenient(JSON.parse(JSON.stringify(bad)));
    expect(r.doc.composition).toBeUndefined();
    expect(r.notices.join()).toMatch(/composition/);
    const old = { version: 2, points: [{ x: 1, y: 2 }], settings: DEFAULT_SETTINGS };
    const o = parseDocumentLenient(old);
    expect(o.notices).toEqual([]);
    expect(o.doc.composition).toBeUndefined();
    const v0 = { version: 0, points: [[1, 2]], settings: DEFAULT_SETTINGS };
    expect(parseDocumentLenient(v0).doc.points).toEqual([{ x: 1, y: 2 }]);
  });
});
