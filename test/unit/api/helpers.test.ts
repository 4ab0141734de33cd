import { expect } from 'chai';
import { batchIds, MAX_IDS_PER_REQUEST } from '../../../src/api';
import { authHeaders, isRapidApi } from '../../../src/api/auth';
import { backoffDelay } from '../../../src/api/backoff';

describe('api: helpers', () => {
  describe('authHeaders', () => {
    it('uses x-apisports-key on the API-Sports host', () => {
      expect(authHeaders(new URL('https://v3.football.api-sports.io'), 'k')).to.deep.equal({ 'x-apisports-key': 'k' });
    });

    it('uses x-rapidapi-key and x-rapidapi-host on a RapidAPI base URL', () => {
      const url = new URL('https://api-football-v1.p.rapidapi.com/v3');
      expect(isRapidApi(url)).to.equal(true);
      expect(authHeaders(url, 'k')).to.deep.equal({ 'x-rapidapi-key': 'k', 'x-rapidapi-host': 'api-football-v1.p.rapidapi.com' });
    });

    it('does not mistake a look-alike host for RapidAPI', () => {
      expect(isRapidApi(new URL('https://notrapidapi.com'))).to.equal(false);
      expect(isRapidApi(new URL('http://127.0.0.1:8080'))).to.equal(false);
    });
  });

  describe('backoffDelay', () => {
    it('doubles per failed attempt, half fixed and half jitter, up to the cap', () => {
      expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 100, 10_000, () => 0))).to.deep.equal([50, 100, 200, 400]);
      expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 100, 10_000, () => 1))).to.deep.equal([100, 200, 400, 800]);
      expect(backoffDelay(20, 100, 1_000, () => 1)).to.equal(1_000);
    });
  });

  describe('batchIds', () => {
    it('makes batches of at most 20, dropping duplicates and keeping the order', () => {
      const ids = Array.from({ length: 41 }, (_, i) => 41 - i);
      const batches = batchIds([...ids, 41, 3]);
      expect(MAX_IDS_PER_REQUEST).to.equal(20);
      expect(batches.map((batch) => batch.length)).to.deep.equal([20, 20, 1]);
      expect(batches.flat()).to.deep.equal(ids);
    });

    it('makes no batch for no ids and refuses a nonsensical size', () => {
      expect(batchIds([])).to.deep.equal([]);
      expect(() => batchIds([1], 0)).to.throw(RangeError);
    });
  });
});
