/**
 * The streams of a league-season load, one small declaration each (Singer style): what it fetches,
 * its keys, and when it is due (its bookmark). The runner walks them in this order, because each
 * one's rows reference the ones before it.
 */
import type { Endpoint } from '../schemas';

export interface StreamDeclaration {
  name: string;
  endpoint: Endpoint;
  /** golden tables it writes and their primary keys */
  keys: Record<string, readonly string[]>;
  /** how its bookmark advances */
  bookmark: string;
}

export const STREAMS: readonly StreamDeclaration[] = [
  {
    name: 'leagues',
    endpoint: 'leagues',
    keys: { countries: ['country_name'], leagues: ['league_id'], seasons: ['league_id', 'season'] },
    bookmark: '{refreshed_at}: fetched again when older than the refresh interval, or with --full',
  },
  {
    name: 'teams',
    endpoint: 'teams',
    keys: { venues: ['venue_id'], teams: ['team_id'], team_seasons: ['league_id', 'season', 'team_id'] },
    bookmark: '{refreshed_at}: fetched again when stale, or when the fixtures list names a team not yet in the league-season',
  },
  {
    name: 'fixtures',
    endpoint: 'fixtures',
    keys: { fixtures: ['fixture_id'] },
    bookmark: 'none: the list is fetched on every run (1 call), it is what tells the other streams what changed',
  },
  {
    name: 'fixture_details',
    endpoint: 'fixtures',
    keys: {
      fixture_events: ['fixture_id', 'event_index'],
      fixture_lineups: ['fixture_id', 'team_id'],
      fixture_lineup_players: ['fixture_id', 'team_id', 'player_id'],
      fixture_team_stats: ['fixture_id', 'team_id'],
      fixture_player_stats: ['fixture_id', 'team_id', 'player_id'],
    },
    bookmark: '{fingerprints: {fixture_id: "status|elapsed|goals|penalties"}}: a fixture is fetched (ids, 20 a call) when started and its fingerprint differs; each batch commits with its fingerprints',
  },
  {
    name: 'players',
    endpoint: 'players',
    keys: { players: ['player_id'], player_team_seasons: ['player_id', 'team_id', 'league_id', 'season'] },
    bookmark: '{refreshed_at, pages}: fetched (all pages) when stale, or when line-ups name players without season statistics',
  },
  {
    name: 'standings',
    endpoint: 'standings',
    keys: { standings: ['league_id', 'season', 'group_name', 'team_id'] },
    bookmark: '{refreshed_at}: fetched when results changed in this run, when stale, or with --full',
  },
  {
    name: 'injuries',
    endpoint: 'injuries',
    keys: { injuries: ['fixture_id', 'player_id'] },
    bookmark: '{refreshed_at}: fetched when results changed in this run, when stale, or with --full',
  },
];

/** Fixture statuses whose details (events, line-ups, statistics) exist or may change. */
export const STATUSES_WITH_DETAILS = new Set(['1H', 'HT', '2H', 'ET', 'BT', 'P', 'SUSP', 'INT', 'LIVE', 'FT', 'AET', 'PEN', 'ABD', 'AWD', 'WO']);
