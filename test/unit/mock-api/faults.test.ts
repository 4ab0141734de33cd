import { expect } from 'chai';
import { ConfigError } from '../../../src/errors';
import { drawFault, parseFaults } from '../../../src/mock-api/faults';
import { rateLimitMessage, SERVER_ERROR_BODY, startMockApi, type MockApi } from '../../../src/mock-api/server';

const KEY = { 'x-apisports-key': 'k' };

/** What the client saw: an HTTP status, or the kind of failure. */
async function outcome(api: MockApi, path = '/countries', timeoutMs = 1000): Promise<string> {
  try {
    const res = await fetch(api.url + path, { headers: KEY, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      JSON.parse(text);
    } catch {
      return `${res.status} broken`;
    }
    return String(res.status);
  } catch (err) {
    return (err as Error).name === 'TimeoutError' ? 'timeout' : 'network';
  }
}

async function sequence(seed: number, faults: string, n: number): Promise<string[]> {
  const api = await startMockApi({ seed, faults });
  try {
    const seen: string[] = [];
    for (let i = 0; i < n; i++) seen.push(await outcome(api));
    return seen;
  } finally {
    await api.close();
  }
}

describe('mock API fault injection', () => {
  describe('parseFaults', () => {
    it('reads probabilities and delays', () => {
      expect(parseFaults('500:0.1,timeout:0.02,truncate:0.02,ratelimit:0.05,slow:200ms')).to.deep.equal({
        failures: [
          { kind: '500', probability: 0.1 }, { kind: 'timeout', probability: 0.02 },
          { kind: 'truncate', probability: 0.02 }, { kind: 'ratelimit', probability: 0.05 },
        ],
        slow: { probability: 1, delayMs: 200 },
      });
      expect(parseFaults('499:0.5,429:0.1,reset:0.1,slow:0.25@2s')).to.deep.include({ slow: { probability: 0.25, delayMs: 2000 } });
      expect(parseFaults('')).to.deep.equal({ failures: [], slow: null });
    });

    it('rejects unknown switches and bad values as configuration errors', () => {
      expect(() => parseFaults('boom:0.1')).to.throw(ConfigError, /unknown fault "boom"/);
      expect(() => parseFaults('500:2')).to.throw(ConfigError);
      expect(() => parseFaults('slow:fast')).to.throw(ConfigError);
      expect(() => parseFaults('500:0.6,499:0.6')).to.throw(ConfigError, /more than 1/);
    });

    it('draws the same fault for the same seed and request number', () => {
      const spec = parseFaults('500:0.3,timeout:0.3');
      const draws = (seed: number) => Array.from({ length: 50 }, (_, n) => drawFault(spec, seed, n + 1).failure);
      expect(draws(1)).to.deep.equal(draws(1));
      expect(draws(1)).to.not.deep.equal(draws(2));
      expect(draws(1)).to.include.members(['500', 'timeout', null]);
    });
  });

  describe('on the wire', () => {
    it('500 and 499 answer the {"message"} body without envelope', async () => {
      for (const kind of ['500', '499']) {
        const api = await startMockApi({ faults: `${kind}:1` });
        try {
          const res = await fetch(`${api.url}/countries`, { headers: KEY });
          expect(res.status).to.equal(Number(kind));
          expect(await res.json()).to.deep.equal(SERVER_ERROR_BODY);
          expect(api.stats().faults).to.deep.equal({ [kind]: 1 });
        } finally {
          await api.close();
        }
      }
    });

    it('429 answers HTTP 429; ratelimit answers an errors.rateLimit envelope; neither counts', async () => {
      const gateway = await startMockApi({ faults: '429:1' });
      try {
        expect((await fetch(`${gateway.url}/countries`, { headers: KEY })).status).to.equal(429);
      } finally {
        await gateway.close();
      }
      const limited = await startMockApi({ faults: 'ratelimit:1', minuteLimit: 10 });
      try {
        const res = await fetch(`${limited.url}/countries`, { headers: KEY });
        expect(res.status).to.equal(200);
        expect(await res.json()).to.deep.include({ errors: { rateLimit: rateLimitMessage(10) }, results: 0 });
        expect(limited.stats().byKey.k ?? 0).to.equal(0);
      } finally {
        await limited.close();
      }
    });

    it('truncate cuts the JSON body in half', async () => {
      const api = await startMockApi({ faults: 'truncate:1' });
      try {
        const res = await fetch(`${api.url}/countries`, { headers: KEY });
        const text = await res.text();
        expect(res.status).to.equal(200);
        expect(text.startsWith('{"get":"countries"')).to.equal(true);
        expect(() => JSON.parse(text)).to.throw(SyntaxError);
      } finally {
        await api.close();
      }
    });

    it('timeout never answers (until the client gives up) and reset drops the connection', async () => {
      const silent = await startMockApi({ faults: 'timeout:1' });
      try {
        expect(await outcome(silent, '/countries', 200)).to.equal('timeout');
      } finally {
        await silent.close();
      }
      const rude = await startMockApi({ faults: 'reset:1' });
      try {
        expect(await outcome(rude)).to.equal('network');
      } finally {
        await rude.close();
      }
    });

    it('slow delays the answer', async () => {
      const api = await startMockApi({ faults: 'slow:150ms' });
      try {
        const started = Date.now();
        expect(await outcome(api)).to.equal('200');
        expect(Date.now() - started).to.be.at.least(140);
      } finally {
        await api.close();
      }
    });

    it('replays the same faults for the same seed, other faults for another seed', async () => {
      const faults = '500:0.2,499:0.1,truncate:0.2,reset:0.1';
      const one = await sequence(1, faults, 30);
      expect(await sequence(1, faults, 30)).to.deep.equal(one);
      expect(await sequence(2, faults, 30)).to.not.deep.equal(one);
      expect(one).to.include.members(['200', '500', '499', '200 broken', 'network']);
    });
  });
});
