import { expect } from 'chai';
import { decodeBody, inspectParsed, intakeNote, MAX_DEPTH, parseJson } from '../../../src/api/intake';

describe('api: the intake of a response body', () => {
  it('leaves a clean body as it is and reports nothing', () => {
    const body = { get: 'teams', response: [{ team: { id: 1, name: 'Ümraniye ⚽ كرة' } }] };
    const intake = inspectParsed(structuredClone(body));
    expect(intake.value).to.deep.equal(body);
    expect(intake.problems).to.deep.equal([]);
    expect(intakeNote(intake)).to.equal(null);
  });

  it('replaces NULs and lone surrogates in values and property names, and says where', () => {
    const parsed = parseJson('{"a":["x\\u0000y",{"b":"\\ud800"}],"c\\u0000d":{"e":"\\udc00z"},"ok":"\\ud83d\\ude00"}');
    const { value, problems } = inspectParsed(parsed);
    expect(JSON.stringify(value)).to.not.match(/\\u0000|\\ud800|\\udc00/);
    expect(value).to.deep.include({ ok: '😀' });
    expect(problems).to.deep.equal([
      { pointer: '/a/0', reason: 'contains U+0000 (NUL), which PostgreSQL text cannot hold' },
      { pointer: '/a/1/b', reason: 'contains a lone UTF-16 surrogate, which is not Unicode text' },
      { pointer: '/c\uFFFDd', reason: 'has a property name that contains U+0000 (NUL), which PostgreSQL text cannot hold' },
      { pointer: '/c\uFFFDd/e', reason: 'contains a lone UTF-16 surrogate, which is not Unicode text' },
    ]);
  });

  it('cuts nesting deeper than the limit without recursion (100,000 levels)', () => {
    const parsed = parseJson(`{"response":[{"id":1,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`);
    const { value, problems } = inspectParsed(parsed);
    expect(problems).to.have.length(1);
    expect(problems[0]!.pointer.split('/').length - 1).to.equal(MAX_DEPTH);
    expect(problems[0]!.reason).to.equal(`nests deeper than ${MAX_DEPTH} levels`);
    expect(JSON.stringify(value).length).to.be.below(400);
  });

  it('a "__proto__" property stays plain data', () => {
    const { value, problems } = inspectParsed(parseJson('{"__proto__":{"polluted":"\\u0000"}}'));
    expect(problems.map((p) => p.pointer)).to.deep.equal(['/__proto__/polluted']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
  });

  it('knows when the bytes were not UTF-8, and says so in the note', () => {
    expect(decodeBody(Buffer.from('{"a":"ok"}')).lossy).to.equal(false);
    expect(decodeBody(Buffer.from('{"a":"\uFFFD"}')).lossy, 'a real U+FFFD is not a loss').to.equal(false);
    const broken = decodeBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]));
    expect(broken.lossy).to.equal(true);
    expect(intakeNote({ problems: [], lossyText: true })).to.match(/not valid UTF-8/);
  });
});
