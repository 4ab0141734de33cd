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
    ...refereeParts(f.referee),
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

/**
 * The referee's name and country from the API's free text: "Anthony Taylor, England" names both,
 * "S. Marciniak" only the name. A last part after a comma counts as a country only when it reads
 * like one (letters, spaces, hyphens, dots, apostrophes), so "Taylor, A." keeps its comma in the name.
 */
export function refereeParts(raw: string | null): { referee_name: string | null; referee_country: string | null } {
  const text = raw?.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') return { referee_name: null, referee_country: null };
  const comma = /^(.+?),\s*([\p{L}][\p{L} .'-]*[\p{L}])$/u.exec(text);
  if (comma && !/\./.test(comma[2]!)) return { referee_name: comma[1]!.trim(), referee_country: comma[2]!.trim() };
  return { referee_name: text.replace(/,\s*$/, ''), referee_country: null };
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
