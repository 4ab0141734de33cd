import { expect } from 'chai';
import type { Competition } from '../../../src/mock-api/dataset/competition';
import { Dataset } from '../../../src/mock-api/dataset/dataset';
import { criteriaOf, type Criterion } from '../../../src/mock-api/dataset/rules';
import type { EventItem, FixtureDetails, FixtureItem, StandingRow } from '../../../src/mock-api/dataset/types';
import { fixtureDetails, fixtureItem } from '../../../src/mock-api/dataset/views';

type Served = FixtureItem & FixtureDetails;

const SIDES = ['home', 'away'] as const;
const countsForScore = (e: EventItem) => e.type === 'Goal' && e.detail !== 'Missed Penalty' && e.comments !== 'Penalty Shootout';
const stat = (f: Served, teamId: number, type: string) =>
  f.statistics.find((s) => s.team.id === teamId)!.statistics.find((s) => s.type === type)!.value;
const num = (v: unknown) => (v === null ? 0 : Number(v));

describe('mock API dataset consistency', () => {
  let ds: Dataset;
  let competitions: Competition[];
  let fixtures: Served[];
  let played: Served[];

  before(() => {
    ds = new Dataset({ seed: 1 });
    competitions = [39, 2].map((id) => ds.competition(ds.catalog.leagueSeason(id, 2023)!));
    fixtures = competitions.flatMap((c) => ds.listed(c).map((m) => ({ ...fixtureItem(m, ds.asOf), ...fixtureDetails(m, ds.asOf) })));
    played = fixtures.filter((f) => ['FT', 'AET', 'PEN'].includes(f.fixture.status.short));
  });

  it('scores are the goal events of every played fixture (own goals for the team credited)', () => {
    expect(played.length).to.be.greaterThan(490);
    let ownGoals = 0;
    for (const f of played) {
      for (const side of SIDES) {
        const team = f.teams[side].id;
        const goals = f.events.filter((e) => e.team.id === team && countsForScore(e));
        ownGoals += goals.filter((e) => e.detail === 'Own Goal').length;
        expect(f.goals[side], `${f.fixture.id} ${side}`).to.equal(goals.length);
        expect(f.score.halftime[side]).to.equal(goals.filter((e) => e.time.elapsed <= 45).length);
        expect(f.score.fulltime[side]).to.equal(goals.filter((e) => e.time.elapsed <= 90).length);
        if (f.fixture.status.short === 'FT') expect(f.score.extratime[side]).to.equal(null);
        else expect(f.score.extratime[side]).to.equal(goals.filter((e) => e.time.elapsed > 90).length);
      }
      const { home, away } = f.goals;
      if (f.fixture.status.short !== 'PEN') {
        expect(f.teams.home.winner).to.equal(home! === away! ? null : home! > away!);
        expect(f.teams.away.winner).to.equal(home! === away! ? null : away! > home!);
      }
    }
    expect(ownGoals).to.be.greaterThan(0);
  });

  it('own goals name a player of the other team', () => {
    for (const f of played) {
      for (const e of f.events.filter((x) => x.detail === 'Own Goal')) {
        const scorerSide = f.lineups.find((l) => [...l.startXI, ...l.substitutes].some((p) => p.player.id === e.player.id))!;
        expect(scorerSide.team.id).to.not.equal(e.team.id);
      }
    }
  });

  it('lineups have 11 starters with grids, 7-9 substitutes without, a formation, a coach and colours', () => {
    for (const f of played) {
      expect(f.lineups).to.have.length(2);
      for (const l of f.lineups) {
        expect(l.startXI).to.have.length(11);
        expect(l.substitutes.length).to.be.within(7, 9);
        expect(l.startXI.filter((p) => p.player.pos === 'G')).to.have.length(1);
        for (const p of l.startXI) expect(p.player.grid).to.match(/^\d:\d$/);
        for (const p of l.substitutes) expect(p.player.grid).to.equal(null);
        expect(l.formation.split('-').map(Number).reduce((a, b) => a + b, 0)).to.equal(10);
        expect(l.coach.name).to.be.a('string');
        expect(l.team.colors?.player.primary).to.match(/^[0-9a-f]{6}$/);
      }
    }
  });

  it('substitutions bring a bench player on for a player on the pitch, numbered 1..n per team', () => {
    for (const f of played) {
      for (const l of f.lineups) {
        const subs = f.events.filter((e) => e.type === 'subst' && e.team.id === l.team.id);
        expect(subs.map((e) => e.detail)).to.deep.equal(subs.map((_, i) => `Substitution ${i + 1}`));
        const bench = new Set(l.substitutes.map((p) => p.player.id));
        for (const e of subs) expect(bench.has(e.assist.id!), `${f.fixture.id}`).to.equal(true);
      }
    }
  });

  it('player goals, assists and cards equal the events; minutes follow the substitutions', () => {
    for (const f of played) {
      const end = f.fixture.status.elapsed!;
      for (const block of f.players) {
        const lineup = f.lineups.find((l) => l.team.id === block.team.id)!;
        expect(block.players).to.have.length(lineup.startXI.length + lineup.substitutes.length);
        for (const { player, statistics: [s] } of block.players) {
          const mine = f.events.filter((e) => e.comments !== 'Penalty Shootout');
          const goals = mine.filter((e) => e.player.id === player.id && e.team.id === block.team.id && countsForScore(e) && e.detail !== 'Own Goal').length;
          const assists = mine.filter((e) => e.assist.id === player.id && e.type === 'Goal').length;
          expect(num(s.goals.total), `${f.fixture.id} ${player.id}`).to.equal(goals);
          expect(num(s.goals.assists)).to.equal(assists);
          expect(s.cards.yellow).to.equal(mine.filter((e) => e.player.id === player.id && e.detail === 'Yellow Card').length);
          expect(s.cards.red).to.equal(mine.filter((e) => e.player.id === player.id && e.detail === 'Red Card').length);
          expect(num(s.shots.on)).to.be.at.least(goals);
          expect(num(s.shots.total)).to.be.at.least(num(s.shots.on));
          const off = mine.find((e) => e.type === 'subst' && e.player.id === player.id);
          const on = mine.find((e) => e.type === 'subst' && e.assist.id === player.id);
          const sentOff = mine.find((e) => e.detail === 'Red Card' && e.player.id === player.id);
          if (!s.games.substitute) {
            expect(s.games.minutes).to.equal(sentOff?.time.elapsed ?? off?.time.elapsed ?? end);
          } else if (on === undefined) {
            expect(s.games.minutes).to.equal(null);
            expect(s.games.rating).to.equal(null);
          } else {
            expect(s.games.minutes).to.equal((sentOff?.time.elapsed ?? end) - on.time.elapsed || 1);
          }
          if (s.games.rating !== null) expect(s.games.rating).to.match(/^\d(\.\d)?$/);
          if (s.passes.accuracy !== null) expect(Number(s.passes.accuracy)).to.be.at.most(s.passes.total!);
        }
      }
    }
  });

  it('team statistics: 18 types, cards equal card events, shots add up, possession sums to 100%', () => {
    for (const f of played) {
      expect(f.statistics).to.have.length(2);
      const possession = f.statistics.map((s) => s.statistics.find((x) => x.type === 'Ball Possession')!.value as string);
      expect(possession.every((p) => /^\d+%$/.test(p))).to.equal(true);
      expect(possession.reduce((sum, p) => sum + parseInt(p, 10), 0)).to.equal(100);
      for (const side of SIDES) {
        const team = f.teams[side].id;
        expect(f.statistics.find((s) => s.team.id === team)!.statistics).to.have.length(18);
        const cards = (detail: string) => f.events.filter((e) => e.team.id === team && e.detail === detail).length;
        expect(num(stat(f, team, 'Yellow Cards'))).to.equal(cards('Yellow Card'));
        expect(num(stat(f, team, 'Red Cards'))).to.equal(cards('Red Card'));
        const total = num(stat(f, team, 'Total Shots'));
        expect(num(stat(f, team, 'Shots on Goal'))).to.be.at.most(total);
        expect(num(stat(f, team, 'Shots on Goal')) + num(stat(f, team, 'Shots off Goal')) + num(stat(f, team, 'Blocked Shots'))).to.equal(total);
        expect(num(stat(f, team, 'Shots insidebox')) + num(stat(f, team, 'Shots outsidebox'))).to.equal(total);
        expect(stat(f, team, 'expected_goals')).to.match(/^\d+\.\d{2}$/);
        // Player figures add up to the team's.
        const lines = f.players.find((p) => p.team.id === team)!.players.map((p) => p.statistics[0]);
        const sum = (pick: (s: (typeof lines)[number]) => number | string | null) => lines.reduce((acc, s) => acc + num(pick(s)), 0);
        expect(sum((s) => s.shots.total)).to.equal(total);
        expect(sum((s) => s.shots.on)).to.equal(num(stat(f, team, 'Shots on Goal')));
        expect(sum((s) => s.passes.total)).to.equal(num(stat(f, team, 'Total passes')));
        expect(sum((s) => s.passes.accuracy)).to.equal(num(stat(f, team, 'Passes accurate')));
        expect(sum((s) => s.fouls.committed)).to.equal(num(stat(f, team, 'Fouls')));
        expect(sum((s) => s.goals.saves)).to.equal(num(stat(f, team, 'Goalkeeper Saves')));
      }
    }
    const values = played.flatMap((f) => f.statistics.flatMap((s) => s.statistics.map((x) => x.value)));
    expect(values).to.include(null);
  });

  it('standings equal the results, recomputed here (AWD counted, PST not)', () => {
    for (const competition of competitions) {
      const table = ds.standings(competition).league.standings;
      for (const group of table) {
        const ids = new Set(group.map((r) => r.team.id));
        const counted = fixtures.filter((f) => ['FT', 'AET', 'PEN', 'AWD'].includes(f.fixture.status.short)
          && f.league.id === competition.leagueSeason.league.id && ids.has(f.teams.home.id) && ids.has(f.teams.away.id)
          && (f.league.id === 39 || f.league.round.startsWith('Group Stage')));
        const expected = new Map<number, { pts: number; gf: number; ga: number; played: number; won: number; awayGf: number; awayWon: number; results: { at: number; r: string }[] }>();
        for (const id of ids) expected.set(id, { pts: 0, gf: 0, ga: 0, played: 0, won: 0, awayGf: 0, awayWon: 0, results: [] });
        for (const f of counted) {
          for (const side of SIDES) {
            const me = expected.get(f.teams[side].id)!;
            const gf = f.goals[side]!;
            const ga = f.goals[side === 'home' ? 'away' : 'home']!;
            me.played++;
            me.gf += gf;
            me.ga += ga;
            me.pts += gf > ga ? 3 : gf === ga ? 1 : 0;
            me.won += gf > ga ? 1 : 0;
            if (side === 'away') {
              me.awayGf += gf;
              me.awayWon += gf > ga ? 1 : 0;
            }
            me.results.push({ at: f.fixture.timestamp, r: gf > ga ? 'W' : gf === ga ? 'D' : 'L' });
          }
        }
        // The competition's criteria (the same as golden.competition_rules seeds), head-to-head among
        // the teams level on every criterion before the first h2h_ one.
        const criteria = criteriaOf(competition.leagueSeason.league.id, competition.leagueSeason.season);
        const firstH2h = criteria.findIndex((c) => c.startsWith('h2h_'));
        const overall = (id: number, c: Criterion): number => {
          const e = expected.get(id)!;
          return { points: e.pts, goal_diff: e.gf - e.ga, goals_for: e.gf, away_goals: e.awayGf, wins: e.won, away_wins: e.awayWon }[c as 'points'] ?? 0;
        };
        const level = (id: number) => (firstH2h < 0 ? '' : criteria.slice(0, firstH2h).map((c) => overall(id, c)).join());
        const meetings = (id: number) => {
          const mini = { h2h_points: 0, h2h_goal_diff: 0, h2h_goals_for: 0, h2h_away_goals: 0 };
          for (const f of counted) {
            for (const side of SIDES) {
              const other = side === 'home' ? 'away' : 'home';
              if (f.teams[side].id !== id || level(f.teams[other].id) !== level(id)) continue;
              const gf = f.goals[side]!;
              const ga = f.goals[other]!;
              mini.h2h_points += gf > ga ? 3 : gf === ga ? 1 : 0;
              mini.h2h_goal_diff += gf - ga;
              mini.h2h_goals_for += gf;
              if (side === 'away') mini.h2h_away_goals += gf;
            }
          }
          return mini;
        };
        const value = (id: number, c: Criterion) => (c.startsWith('h2h_') ? meetings(id)[c as keyof ReturnType<typeof meetings>] : overall(id, c));
        const order = [...expected.entries()].sort(([a], [b]) => criteria.reduce((o, c) => o || value(b, c) - value(a, c), 0)
          || ds.catalog.team(a).name.localeCompare(ds.catalog.team(b).name));
        expect(group.map((r: StandingRow) => r.team.id)).to.deep.equal(order.map(([id]) => id));
        group.forEach((row, i) => {
          const e = expected.get(row.team.id)!;
          expect(row.rank).to.equal(i + 1);
          expect(row).to.deep.include({ points: e.pts, goalsDiff: e.gf - e.ga });
          expect(row.all).to.deep.include({ played: e.played, goals: { for: e.gf, against: e.ga } });
          expect(row.all.played).to.equal(row.home.played + row.away.played);
          expect(row.form).to.equal(e.results.sort((a, b) => b.at - a.at).slice(0, 5).map((x) => x.r).join(''));
        });
      }
    }
    expect(ds.standings(competitions[0]).league.standings[0][0].group).to.equal('Premier League');
  });

  it('/players season statistics are the sums of the fixture statistics', () => {
    for (const competition of competitions) {
      const season = ds.seasonStats(competition);
      const mine = fixtures.filter((f) => f.league.id === competition.leagueSeason.league.id);
      const sums = new Map<number, { apps: number; starts: number; minutes: number; goals: number; assists: number; yellow: number; red: number }>();
      for (const f of mine) {
        for (const { player, statistics: [s] } of f.players.flatMap((b) => b.players)) {
          const t = sums.get(player.id) ?? { apps: 0, starts: 0, minutes: 0, goals: 0, assists: 0, yellow: 0, red: 0 };
          t.apps += (s.games.minutes ?? 0) > 0 ? 1 : 0;
          t.starts += s.games.substitute ? 0 : 1;
          t.minutes += s.games.minutes ?? 0;
          t.goals += num(s.goals.total);
          t.assists += num(s.goals.assists);
          t.yellow += s.cards.yellow;
          t.red += s.cards.red;
          sums.set(player.id, t);
        }
      }
      expect(season.size).to.equal(competition.leagueSeason.teamIds.length * 25);
      for (const [id, s] of season) {
        const t = sums.get(id) ?? { apps: 0, starts: 0, minutes: 0, goals: 0, assists: 0, yellow: 0, red: 0 };
        expect(s.games, `${id}`).to.deep.include({ appearences: t.apps, lineups: t.starts, minutes: t.minutes });
        expect(s.goals.total).to.equal(t.goals);
        expect(num(s.goals.assists)).to.equal(t.assists);
        expect(s.cards).to.deep.equal({ yellow: t.yellow, yellowred: 0, red: t.red });
      }
    }
  });

  it('a player ruled out of a fixture ("Missing Fixture") is not in its lineups', () => {
    for (const competition of competitions) {
      expect(competition.injuries.length).to.be.within(5, 20);
      for (const injury of competition.injuries.filter((i) => i.type === 'Missing Fixture')) {
        const f = fixtures.find((x) => x.fixture.id === injury.match.id)!;
        const ids = f.lineups.flatMap((l) => [...l.startXI, ...l.substitutes].map((p) => p.player.id));
        expect(ids).to.not.include(injury.player.id);
      }
    }
  });
});
