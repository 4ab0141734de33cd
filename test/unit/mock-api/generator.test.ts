import { expect } from 'chai';
import type { Competition } from '../../../src/mock-api/dataset/competition';
import { Dataset } from '../../../src/mock-api/dataset/dataset';
import type { FixtureItem } from '../../../src/mock-api/dataset/types';
import { fixtureDetails, fixtureItem } from '../../../src/mock-api/dataset/views';

function served(ds: Dataset, competition: Competition) {
  return ds.listed(competition).map((m) => ({ ...fixtureItem(m, ds.asOf), ...fixtureDetails(m, ds.asOf) }));
}

function demo(ds: Dataset) {
  const league = ds.competition(ds.catalog.leagueSeason(39, 2023)!);
  const cup = ds.competition(ds.catalog.leagueSeason(2, 2023)!);
  return { league, cup };
}

const isFinished = (f: FixtureItem) => ['FT', 'AET', 'PEN'].includes(f.fixture.status.short);

describe('mock API dataset generator', () => {
  let ds: Dataset;
  let league: Competition;
  let cup: Competition;

  before(() => {
    ds = new Dataset({ seed: 1 });
    ({ league, cup } = demo(ds));
  });

  describe('determinism', () => {
    it('gives identical JSON for the same seed, whatever was generated first', () => {
      const again = new Dataset({ seed: 1 });
      const cupFirst = demo(again).cup;
      const leagueSecond = demo(again).league;
      expect(JSON.stringify(served(again, leagueSecond))).to.equal(JSON.stringify(served(ds, league)));
      expect(JSON.stringify(served(again, cupFirst))).to.equal(JSON.stringify(served(ds, cup)));
      expect(JSON.stringify(again.standings(leagueSecond))).to.equal(JSON.stringify(ds.standings(league)));
      expect(JSON.stringify(again.squad(33))).to.equal(JSON.stringify(ds.squad(33)));
    });

    it('gives a different world for a different seed', () => {
      const other = new Dataset({ seed: 2 });
      expect(JSON.stringify(served(other, demo(other).league))).to.not.equal(JSON.stringify(served(ds, league)));
      expect(JSON.stringify(other.squad(33))).to.not.equal(JSON.stringify(ds.squad(33)));
    });
  });

  describe('league 39, season 2023', () => {
    it('is the Premier League of England with 20 teams', () => {
      const def = ds.catalog.league(39)!;
      expect(def).to.include({ name: 'Premier League', type: 'League' });
      expect(def.country).to.deep.equal({ name: 'England', code: 'GB-ENG', flag: 'https://media.api-sports.io/flags/gb-eng.svg' });
      expect(league.leagueSeason.teamIds).to.have.length(20);
    });

    it('has 380 fixtures in 38 weekly rounds of 10, each team meeting each other home and away', () => {
      const fixtures = served(ds, league);
      expect(fixtures).to.have.length(380);
      const rounds = new Map<string, FixtureItem[]>();
      for (const f of fixtures) rounds.set(f.league.round, [...(rounds.get(f.league.round) ?? []), f]);
      expect([...rounds.keys()]).to.deep.equal(Array.from({ length: 38 }, (_, i) => `Regular Season - ${i + 1}`));
      for (const [round, list] of rounds) {
        expect(list, round).to.have.length(10);
        const teams = list.flatMap((f) => [f.teams.home.id, f.teams.away.id]);
        expect(new Set(teams).size, round).to.equal(20);
      }
      const pairs = new Set(fixtures.map((f) => `${f.teams.home.id}-${f.teams.away.id}`));
      expect(pairs.size).to.equal(380);
      expect(fixtures[0].fixture.date.slice(0, 10)).to.equal('2023-08-11');
    });

    it('renders kick-offs in UTC with a +00:00 offset and a matching Unix timestamp', () => {
      for (const f of served(ds, league)) {
        expect(f.fixture.date).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+00:00$/);
        expect(Date.parse(f.fixture.date) / 1000).to.equal(f.fixture.timestamp);
        expect(f.fixture.timezone).to.equal('UTC');
      }
      const hours = new Set(served(ds, league).map((f) => f.fixture.date.slice(11, 16)));
      expect([...hours]).to.include.members(['14:00', '15:00']);
    });

    it('ids, names and squads are stable integers and realistic', () => {
      const squad = ds.squad(league.leagueSeason.teamIds[0]);
      expect(squad).to.have.length(25);
      expect(squad.filter((p) => p.position === 'Goalkeeper')).to.have.length(3);
      for (const p of squad) {
        expect(Number.isInteger(p.id)).to.equal(true);
        expect(p.height === null || /^\d{3} cm$/.test(p.height)).to.equal(true);
        expect(p.weight === null || /^\d{2,3} kg$/.test(p.weight)).to.equal(true);
      }
      const names = league.leagueSeason.teamIds.flatMap((id) => ds.squad(id).map((p) => p.name)).join('|');
      expect(names).to.match(/[^\x00-\x7f]/);
      expect(names).to.include("'");
    });
  });

  describe('league 2, season 2023', () => {
    it('is a World cup with flag null and 32 teams in 8 groups of 4', () => {
      expect(ds.catalog.league(2)).to.deep.include({ type: 'Cup', country: { name: 'World', code: null, flag: null } });
      const table = ds.standings(cup).league.standings;
      expect(table.map((g) => g[0].group)).to.deep.equal(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((l) => `Group ${l}`));
      for (const group of table) expect(group).to.have.length(4);
      expect(new Set(table.flat().map((r) => r.team.id)).size).to.equal(32);
    });

    it('plays a double round robin per group in rounds "Group Stage - 1".."Group Stage - 6"', () => {
      const groupFixtures = served(ds, cup).filter((f) => f.league.round.startsWith('Group Stage'));
      expect(groupFixtures).to.have.length(96);
      expect(new Set(groupFixtures.map((f) => f.league.round))).to.deep.equal(new Set(Array.from({ length: 6 }, (_, i) => `Group Stage - ${i + 1}`)));
      for (const group of ds.standings(cup).league.standings) {
        const ids = group.map((r) => r.team.id);
        const inGroup = groupFixtures.filter((f) => ids.includes(f.teams.home.id));
        expect(inGroup).to.have.length(12);
        expect(inGroup.every((f) => ids.includes(f.teams.away.id))).to.equal(true);
      }
    });

    it('sends the top two of each group to two-legged knockout rounds and a final', () => {
      const fixtures = served(ds, cup);
      const byRound = (round: string) => fixtures.filter((f) => f.league.round === round);
      expect(byRound('Round of 16')).to.have.length(16);
      expect(byRound('Quarter-finals')).to.have.length(8);
      expect(byRound('Semi-finals')).to.have.length(4);
      expect(byRound('Final')).to.have.length(1);
      const qualified = ds.standings(cup).league.standings.flatMap((g) => g.slice(0, 2).map((r) => r.team.id));
      const r16 = byRound('Round of 16').flatMap((f) => [f.teams.home.id, f.teams.away.id]);
      expect(new Set(r16)).to.deep.equal(new Set(qualified));
      expect(byRound('Final')[0].fixture.venue.name).to.equal('National Stadium');
    });

    it('has at least one AET and one PEN, with shoot-out events as the real API sends them', () => {
      const fixtures = served(ds, cup);
      const aet = fixtures.filter((f) => f.fixture.status.short === 'AET');
      const pen = fixtures.filter((f) => f.fixture.status.short === 'PEN');
      expect(aet.length).to.be.greaterThan(0);
      expect(pen.length).to.be.greaterThan(0);
      for (const f of aet) {
        expect(f.fixture.status.elapsed).to.equal(120);
        expect(f.score.extratime.home).to.be.a('number');
        expect(f.score.penalty).to.deep.equal({ home: null, away: null });
      }
      for (const f of pen) {
        expect(f.fixture.status.elapsed).to.equal(120);
        const kicks = f.events.filter((e) => e.comments === 'Penalty Shootout');
        expect(kicks.length).to.be.at.least(6);
        for (const k of kicks) {
          expect(k.type).to.equal('Goal');
          expect(['Penalty', 'Missed Penalty']).to.include(k.detail);
          expect(k.time.elapsed).to.equal(120);
        }
        expect(kicks.map((k) => k.time.extra).sort((a, b) => a! - b!)).to.deep.equal(kicks.map((_, i) => i + 1));
        for (const side of ['home', 'away'] as const) {
          const scored = kicks.filter((k) => k.team.id === f.teams[side].id && k.detail === 'Penalty').length;
          expect(f.score.penalty[side]).to.equal(scored);
        }
        const winner = f.score.penalty.home! > f.score.penalty.away! ? 'home' : 'away';
        expect(f.teams[winner].winner).to.equal(true);
        // Level after extra time: the match itself in a final, the aggregate in a second leg.
        if (f.league.round === 'Final') expect(f.goals.home).to.equal(f.goals.away);
      }
    });
  });

  describe('as of', () => {
    it('plays the fixtures before asOf and leaves later ones NS with null scores', () => {
      const early = new Dataset({ seed: 1, asOf: '2023-12-01' });
      const fixtures = served(early, demo(early).league);
      for (const f of fixtures) {
        if (f.fixture.timestamp < Date.parse('2023-12-01T00:00:00Z') / 1000) {
          expect(['FT', 'PST', 'AWD'], `${f.fixture.id}`).to.include(f.fixture.status.short);
        } else {
          expect(f.fixture.status).to.deep.equal({ long: 'Not Started', short: 'NS', elapsed: null, extra: null });
          expect(f.goals).to.deep.equal({ home: null, away: null });
          expect(f.score.fulltime).to.deep.equal({ home: null, away: null });
          expect(f.teams.home.winner).to.equal(null);
          expect(f.events).to.deep.equal([]);
          expect(f.lineups).to.deep.equal([]);
        }
      }
      expect(fixtures.filter(isFinished).length).to.be.within(100, 200);
    });

    it('lists a knockout round only once the stage before it is over', () => {
      const early = new Dataset({ seed: 1, asOf: '2023-12-01' });
      expect(early.listed(demo(early).cup)).to.have.length(96);
      early.setAsOf('2024-01-15');
      expect(early.listed(demo(early).cup)).to.have.length(96 + 16);
    });

    it('moving asOf by a week plays one more round', () => {
      const moving = new Dataset({ seed: 1, asOf: '2023-10-02' });
      const finished = () => served(moving, demo(moving).league).filter((f) => f.fixture.status.short !== 'NS').length;
      const before = finished();
      moving.setAsOf('2023-10-09');
      expect(finished() - before).to.equal(10);
    });
  });

  describe('postponed and awarded fixtures', () => {
    it('has a few PST fixtures without score and an AWD 3-0 without details', () => {
      const fixtures = [...served(ds, league), ...served(ds, cup)];
      const pst = fixtures.filter((f) => f.fixture.status.short === 'PST');
      const awd = fixtures.filter((f) => f.fixture.status.short === 'AWD');
      expect(pst.length).to.be.within(1, 5);
      expect(awd.length).to.be.within(1, 2);
      for (const f of pst) {
        expect(f.fixture.status.long).to.equal('Match Postponed');
        expect(f.goals).to.deep.equal({ home: null, away: null });
        expect(f.events).to.deep.equal([]);
      }
      for (const f of awd) {
        expect(f.fixture.status.long).to.equal('Technical Loss');
        expect([f.goals.home, f.goals.away].sort()).to.deep.equal([0, 3]);
        expect(f.events).to.deep.equal([]);
        expect(f.lineups).to.deep.equal([]);
        expect(f.players).to.deep.equal([]);
        expect(f.teams[f.goals.home === 3 ? 'home' : 'away'].winner).to.equal(true);
      }
    });
  });

  describe('figures and scale', () => {
    it('prints the figures of the demo dataset', () => {
      const f = ds.figures();
      expect(f).to.include({ leagueSeasons: 2, teams: 48, players: 1200, fixtures: 505, lineups: 2 * (505 - f.fixturesByStatus.PST - f.fixturesByStatus.AWD) });
      expect(f.events).to.be.greaterThan(5000);
    });

    it('generates the demo dataset well under 2 seconds', () => {
      const started = Date.now();
      new Dataset({ seed: 7 }).figures();
      expect(Date.now() - started).to.be.below(2000);
    });

    it('generates scale leagues lazily, one league-season at a time, in a bounded cache', () => {
      const big = new Dataset({ seed: 1, scale: 4, scaleSeasons: [2022, 2023], cacheSize: 3 });
      expect(big.catalog.leagueSeasons).to.have.length(3 + 4 * 2); // the demo two, Liga MX, then the scale leagues
      expect(big.generatedLeagueSeasons()).to.equal(0);
      const ls = big.catalog.leagueSeason(1002, 2022)!;
      const fixtures = big.listed(big.competition(ls));
      expect(fixtures).to.have.length(380);
      expect(big.generatedLeagueSeasons()).to.equal(1);
      for (const s of big.catalog.leagueSeasons) big.competition(s);
      expect(big.generatedLeagueSeasons()).to.equal(3);
      expect(big.match(fixtures[7].id)?.home.id).to.equal(fixtures[7].home.id);
    });
  });
});
