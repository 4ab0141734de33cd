/** /fixtures items → fixtures rows (and the venue a fixture names, which /venues may not know). */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { fromUnix } from './parse';

type Fixture = ItemOf<'fixtures'>;

export function fixtureRow(item: Fixture): Row {
  const { fixture: f, league: l, teams, goals, score } = item;
  return {
    fixture_id: f.id,
    league_id: l.id,
    season: l.season,
    round: l.round,
    kickoff_at: fromUnix(f.timestamp),
    referee: f.referee,
    venue_id: f.venue.id,
    venue_name: f.venue.name,
    venue_city: f.venue.city,
    status_short: f.status.short,
    status_long: f.status.long,
    elapsed: f.status.elapsed,
    status_extra: f.status.extra ?? null,
    first_half_at: fromUnix(f.periods.first),
    second_half_at: fromUnix(f.periods.second),
    home_team_id: teams.home.id,
    away_team_id: teams.away.id,
    home_winner: teams.home.winner,
    away_winner: teams.away.winner,
    goals_home: goals.home,
    goals_away: goals.away,
    halftime_home: score.halftime.home,
    halftime_away: score.halftime.away,
    fulltime_home: score.fulltime.home,
    fulltime_away: score.fulltime.away,
    extratime_home: score.extratime.home,
    extratime_away: score.extratime.away,
    penalty_home: score.penalty.home,
    penalty_away: score.penalty.away,
    has_standings: l.standings ?? null,
  };
}

/** A venue row from what the fixture says of it, inserted only if the venue is not known yet. */
export function venuePlaceholderOfFixture(item: Fixture): Row | null {
  const v = item.fixture.venue;
  return v.id === null ? null : { venue_id: v.id, name: v.name, city: v.city };
}

/**
 * What decides whether a fixture's details must be fetched again: status, score and minute.
 * Stored per fixture in etl.state once its details are loaded.
 */
export function fixtureFingerprint(item: Fixture): string {
  const f = item.fixture;
  return [f.status.short, f.status.elapsed, item.goals.home, item.goals.away, item.score.penalty.home, item.score.penalty.away].join('|');
}
