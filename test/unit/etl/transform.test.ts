import { expect } from 'chai';
import { validateResponse, type FixtureWithDetails } from '../../../src/schemas';
import { toDecimal, toInt, toMeasure, toPercent, fromUnix, toDate } from '../../../src/etl/transform/parse';
import { fixtureFingerprint, fixtureRow } from '../../../src/etl/transform/fixtures';
import { eventRows, lineupPlayerRows, playerStatsRows, shootoutKicks, teamStatsRows } from '../../../src/etl/transform/fixture-details';
import { playerRow, playerSeasonRows } from '../../../src/etl/transform/players';
import { standingRows } from '../../../src/etl/transform/standings';
import { readSample } from '../../support/samples';



describe('transform: parsing numbers the API sends as strings', () => {
  it('parses percentages, decimals, ratings, measures; keeps null; refuses to guess', () => {
    expect(toPercent('55%')).to.equal(55);
    expect(toDecimal('1.23')).to.equal(1.23);
    expect(toDecimal('7.3')).to.equal(7.3);
    expect(toDecimal('6.862500')).to.equal(6.8625);
    expect(toInt('47')).to.equal(47);
    expect(toInt(12)).to.equal(12);
    expect(toMeasure('187 cm', 'cm')).to.equal(187);
    expect(toMeasure('79 kg', 'kg')).to.equal(79);
    for (const f of [toInt, toDecimal]) {
      expect(f(null)).to.equal(null);
      expect(f('')).to.equal(null);
      expect(f('n/a')).to.equal(null);
    }
    expect(toMeasure('tall', 'cm')).to.equal(null);
    expect(fromUnix(1710360000)).to.equal('2024-03-13T20:00:00.000Z');
    expect(toDate('1996-05-04')).to.equal('1996-05-04');
    expect(toDate('04/05/1996')).to.equal(null);
  });
});

describe('transform: the real Champions League penalties sample', () => {
  const body = readSample('fixtures-ids__syurchen93_api-football-client__fixtures-cl-penalties.json');
  const { items, rejects } = validateResponse('fixtures', body);
  const fixtures = items as FixtureWithDetails[];
  const atletico = fixtures.find((f) => f.fixture.id === 1149519)!;

  it('validates with no rejects', () => {
    expect(rejects).to.deep.equal([]);
    expect(fixtures).to.have.length(2);
  });

  it('maps the fixture with the shoot-out score apart from the goals', () => {
    const row = fixtureRow(atletico);
    expect(row).to.include({ fixture_id: 1149519, league_id: 2, season: 2023, status_short: 'PEN', goals_home: 2, goals_away: 1, penalty_home: 3, penalty_away: 2, home_winner: true, kickoff_at: '2024-03-13T20:00:00.000Z' });
    expect(row.status_extra).to.equal(null);
    expect(fixtureFingerprint(atletico)).to.equal('PEN|120|2|1|3|2');
  });

  it('marks shoot-out kicks so they never count as goals', () => {
    const rows = eventRows(atletico.fixture.id, atletico.events);
    const shootout = rows.filter((r) => r.is_shootout);
    expect(shootout.length).to.be.greaterThan(0);
    expect(shootout.every((r) => r.elapsed === 120 && r.type === 'Goal')).to.equal(true);
    const goals = rows.filter((r) => r.type === 'Goal' && !r.is_shootout && r.detail !== 'Missed Penalty');
    expect(goals.length).to.equal(3);
    expect(rows.map((r) => r.event_index)).to.deep.equal(rows.map((_, i) => i));
  });

  describe('shoot-out kicks without the "Penalty Shootout" comment (older data)', () => {
    const uncommented = (f: FixtureWithDetails) => f.events.map((e) => ({ ...e, comments: e.comments === 'Penalty Shootout' ? null : e.comments }));
    const context = (f: FixtureWithDetails) => ({ status: f.fixture.status.short, penalty: f.score.penalty, homeTeamId: f.teams.home.id, awayTeamId: f.teams.away.id });

    it('are found from the PEN status, the 120\' minute and the penalty score, in both real fixtures', () => {
      for (const f of fixtures) {
        const commented = f.events.flatMap((e, i) => (e.comments === 'Penalty Shootout' ? [i] : []));
        expect([...shootoutKicks(uncommented(f), context(f))].sort((a, b) => a - b), `fixture ${f.fixture.id}`).to.deep.equal(commented);
        expect(shootoutKicks(uncommented(f)), 'without the fixture, nothing is guessed').to.deep.equal(new Set());
      }
    });

    it('leave out a penalty scored in the last minute of extra time, which does count', () => {
      const events = uncommented(atletico);
      const first = events.findIndex((e) => e.time.elapsed === 120 && e.time.extra !== null);
      const late = { ...events[first]!, detail: 'Penalty', time: { elapsed: 120, extra: 3 } };
      const withLate = [...events.slice(0, first), late, ...events.slice(first)];
      const kicks = shootoutKicks(withLate, context(atletico));
      expect(kicks.has(first)).to.equal(false);
      expect(kicks.size).to.equal(events.length - first);
    });

    it('are not guessed when the kicks do not add up to the penalty score', () => {
      expect(shootoutKicks(uncommented(atletico), { ...context(atletico), penalty: { home: 5, away: 2 } })).to.deep.equal(new Set());
    });
  });

  it('maps line-ups: 11 starters with a grid per side, substitutes without', () => {
    const rows = lineupPlayerRows(atletico.fixture.id, atletico.lineups);
    for (const team of atletico.lineups.map((l) => l.team.id)) {
      const starters = rows.filter((r) => r.team_id === team && r.is_starter);
      expect(starters).to.have.length(11);
      expect(starters.every((r) => typeof r.grid === 'string')).to.equal(true);
    }
  });

  it('maps team statistics to columns and keeps unknown types in other_stats', () => {
    const block = { ...atletico.statistics[0]!, statistics: [...atletico.statistics[0]!.statistics, { type: 'Hugs', value: 3 }] };
    const [row] = teamStatsRows(1, [block]);
    expect(row!.possession_pct).to.be.a('number');
    expect(JSON.parse(row!.other_stats as string)).to.deep.equal({ Hugs: 3 });
  });

  it('parses player ratings and the pass-accuracy string', () => {
    const rows = playerStatsRows(atletico.fixture.id, atletico.players);
    const oblak = rows.find((r) => r.player_id === 29)!;
    expect(oblak).to.include({ minutes: 121, rating: 8, passes_accurate: 20, goals_conceded: 1, saves: 4 });
  });
});

describe('transform: players and standings samples', () => {
  it('maps players with height and weight in numbers and keeps only the requested league-season', () => {
    const { items } = validateResponse('players', readSample('players__syurchen93_api-football-client__player-info-bundes-2022.json'));
    const diallo = items.find((i) => i.player.id === 7)!;
    expect(playerRow(diallo)).to.include({ player_id: 7, height_cm: 187, weight_kg: 79, birth_date: '1996-05-04' });
    const seasons = playerSeasonRows(diallo, 78, 2022);
    expect(seasons).to.have.length(1);
    expect(seasons[0]).to.include({ team_id: 173, appearances: 8, lineups: 5, minutes: 476, rating: 6.8625, yellow_cards: 2 });
    expect(playerSeasonRows(diallo, 39, 2022)).to.deep.equal([]);
  });

  it('maps every standings row with the group label', () => {
    const { items } = validateResponse('standings', readSample('standings__syurchen93_api-football-client__standings-epl-2022.json'));
    const rows = standingRows(items[0]!);
    expect(rows).to.have.length(20);
    expect(rows[0]).to.include({ league_id: 39, season: 2022, group_name: 'Premier League', team_id: 50, rank: 1, points: 89, all_played: 38, all_won: 28, all_goals_for: 94 });
  });
});
