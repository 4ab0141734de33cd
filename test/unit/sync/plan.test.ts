import { expect } from 'chai';
import { daysNeeded, orderSync, type SyncItem } from '../../../src/sync/plan';

const item = (leagueId: number, season: number, priority: SyncItem['priority'], order: number): SyncItem => ({
  leagueId, season, priority, order, reason: '', calls: 1, estimated: false, extras: [],
});

describe('the order of etl sync', () => {
  it('seasons in progress first (config order), then the backfill newest first, complete ones last', () => {
    const ordered = orderSync([
      item(140, 2016, 'backfill', 2),
      item(39, 2015, 'complete', 0),
      item(140, 2024, 'in progress', 2),
      item(39, 2019, 'backfill', 0),
      item(39, 2024, 'in progress', 0),
      item(140, 2019, 'backfill', 2),
      item(2, 2022, 'backfill', 1),
    ]);
    expect(ordered.map((i) => `${i.leagueId}/${i.season}`)).to.deep.equal(['39/2024', '140/2024', '2/2022', '39/2019', '140/2019', '140/2016', '39/2015']);
  });

  it('days at the daily limit left after the reserve', () => {
    expect(daysNeeded(100, 70)).to.equal(2);
    expect(daysNeeded(70, 70)).to.equal(1);
    expect(daysNeeded(0, 70)).to.equal(0);
    expect(daysNeeded(5, 0)).to.equal(null);
    expect(daysNeeded(5, null)).to.equal(null);
  });
});
