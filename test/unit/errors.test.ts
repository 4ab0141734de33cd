import { expect } from 'chai';
import { ConfigError, QuotaStopError, exitCodeOf } from '../../src/errors';

describe('errors', () => {
  it('map to the exit codes of CONTRACT.md', () => {
    expect(exitCodeOf(new ConfigError('x'))).to.equal(2);
    expect(exitCodeOf(new QuotaStopError('x'))).to.equal(75);
    expect(exitCodeOf(new Error('x'))).to.equal(1);
  });
});
