/**
 * Objection models of the golden tables, for typed reads and writes in TypeScript (analysts use the
 * marts views instead). Row properties are snake_case, as in SQL (STYLE.md: the mapping lives in one
 * place, the tables). `jsonSchema` validates rows written through the models, not the API's shapes.
 */
import type { Knex } from 'knex';
import { Model } from 'objection';

/** Binds every model to a knex; call once per database handle. */
export function bindModels(knex: Knex): void {
  Model.knex(knex);
}

export class Country extends Model {
  static override tableName = 'golden.countries';
  static override idColumn = 'country_name';
  country_name!: string;
  code!: string | null;
  flag_url!: string | null;
}

export class League extends Model {
  static override tableName = 'golden.leagues';
  static override idColumn = 'league_id';
  league_id!: number;
  name!: string;
  type!: 'League' | 'Cup';
  logo_url!: string | null;
  country_name!: string;
  seasons?: Season[];

  static override jsonSchema = {
    type: 'object',
    required: ['league_id', 'name', 'type', 'country_name'],
    properties: { league_id: { type: 'integer', minimum: 1 }, name: { type: 'string', minLength: 1 }, type: { enum: ['League', 'Cup'] }, country_name: { type: 'string' } },
  };

  static override relationMappings = () => ({
    seasons: { relation: Model.HasManyRelation, modelClass: Season, join: { from: 'golden.leagues.league_id', to: 'golden.seasons.league_id' } },
    country: { relation: Model.BelongsToOneRelation, modelClass: Country, join: { from: 'golden.leagues.country_name', to: 'golden.countries.country_name' } },
  });
}

export class Season extends Model {
  static override tableName = 'golden.seasons';
  static override idColumn = ['league_id', 'season'];
  league_id!: number;
  season!: number;
  start_date!: Date | null;
  end_date!: Date | null;
  is_current!: boolean;
}

export class Venue extends Model {
  static override tableName = 'golden.venues';
  static override idColumn = 'venue_id';
  venue_id!: number;
  name!: string | null;
  city!: string | null;
  capacity!: number | null;
}

export class Team extends Model {
  static override tableName = 'golden.teams';
  static override idColumn = 'team_id';
  team_id!: number;
  name!: string;
  code!: string | null;
  country_name!: string | null;
  founded!: number | null;
  venue_id!: number | null;
  venue?: Venue | null;

  static override jsonSchema = {
    type: 'object',
    required: ['team_id', 'name'],
    properties: { team_id: { type: 'integer', minimum: 1 }, name: { type: 'string', minLength: 1 }, founded: { type: ['integer', 'null'], minimum: 1800, maximum: 2100 } },
  };

  static override relationMappings = () => ({
    venue: { relation: Model.BelongsToOneRelation, modelClass: Venue, join: { from: 'golden.teams.venue_id', to: 'golden.venues.venue_id' } },
  });
}

export class Player extends Model {
  static override tableName = 'golden.players';
  static override idColumn = 'player_id';
  player_id!: number;
  name!: string;
  firstname!: string | null;
  lastname!: string | null;
  birth_date!: Date | null;
  nationality!: string | null;
  height_cm!: number | null;
  weight_kg!: number | null;
}

export class FixtureStatus extends Model {
  static override tableName = 'golden.fixture_statuses';
  static override idColumn = 'status_short';
  status_short!: string;
  status_long!: string;
  category!: string;
}

export class FixtureEvent extends Model {
  static override tableName = 'golden.fixture_events';
  static override idColumn = ['fixture_id', 'event_index'];
  fixture_id!: number;
  event_index!: number;
  elapsed!: number;
  extra!: number | null;
  team_id!: number;
  player_id!: number | null;
  type!: 'Goal' | 'Card' | 'subst' | 'Var';
  detail!: string | null;
  is_shootout!: boolean;
}

export class FixtureLineupPlayer extends Model {
  static override tableName = 'golden.fixture_lineup_players';
  static override idColumn = ['fixture_id', 'team_id', 'player_id'];
  fixture_id!: number;
  team_id!: number;
  player_id!: number;
  is_starter!: boolean;
  position!: string | null;
  grid!: string | null;
}

export class FixtureLineup extends Model {
  static override tableName = 'golden.fixture_lineups';
  static override idColumn = ['fixture_id', 'team_id'];
  fixture_id!: number;
  team_id!: number;
  formation!: string | null;
  players?: FixtureLineupPlayer[];

  static override relationMappings = () => ({
    players: {
      relation: Model.HasManyRelation,
      modelClass: FixtureLineupPlayer,
      join: { from: ['golden.fixture_lineups.fixture_id', 'golden.fixture_lineups.team_id'], to: ['golden.fixture_lineup_players.fixture_id', 'golden.fixture_lineup_players.team_id'] },
    },
  });
}

export class FixtureTeamStats extends Model {
  static override tableName = 'golden.fixture_team_stats';
  static override idColumn = ['fixture_id', 'team_id'];
  fixture_id!: number;
  team_id!: number;
  shots_total!: number | null;
  possession_pct!: string | null;
  other_stats!: Record<string, unknown>;
}

export class FixturePlayerStats extends Model {
  static override tableName = 'golden.fixture_player_stats';
  static override idColumn = ['fixture_id', 'team_id', 'player_id'];
  fixture_id!: number;
  team_id!: number;
  player_id!: number;
  minutes!: number | null;
  goals!: number | null;
  assists!: number | null;
  rating!: string | null;
}

export class Fixture extends Model {
  static override tableName = 'golden.fixtures';
  static override idColumn = 'fixture_id';
  fixture_id!: number;
  league_id!: number;
  season!: number;
  round!: string;
  kickoff_at!: Date;
  status_short!: string;
  home_team_id!: number;
  away_team_id!: number;
  goals_home!: number | null;
  goals_away!: number | null;
  penalty_home!: number | null;
  penalty_away!: number | null;
  events?: FixtureEvent[];
  lineups?: FixtureLineup[];
  teamStats?: FixtureTeamStats[];
  playerStats?: FixturePlayerStats[];
  homeTeam?: Team;
  awayTeam?: Team;
  status?: FixtureStatus;

  static override jsonSchema = {
    type: 'object',
    required: ['fixture_id', 'league_id', 'season', 'round', 'kickoff_at', 'status_short', 'home_team_id', 'away_team_id'],
    properties: {
      fixture_id: { type: 'integer', minimum: 1 },
      goals_home: { type: ['integer', 'null'], minimum: 0 },
      goals_away: { type: ['integer', 'null'], minimum: 0 },
    },
  };

  static override relationMappings = () => ({
    events: { relation: Model.HasManyRelation, modelClass: FixtureEvent, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_events.fixture_id' } },
    lineups: { relation: Model.HasManyRelation, modelClass: FixtureLineup, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_lineups.fixture_id' } },
    teamStats: { relation: Model.HasManyRelation, modelClass: FixtureTeamStats, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_team_stats.fixture_id' } },
    playerStats: { relation: Model.HasManyRelation, modelClass: FixturePlayerStats, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_player_stats.fixture_id' } },
    homeTeam: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixtures.home_team_id', to: 'golden.teams.team_id' } },
    awayTeam: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixtures.away_team_id', to: 'golden.teams.team_id' } },
    status: { relation: Model.BelongsToOneRelation, modelClass: FixtureStatus, join: { from: 'golden.fixtures.status_short', to: 'golden.fixture_statuses.status_short' } },
  });
}

export class Standing extends Model {
  static override tableName = 'golden.standings';
  static override idColumn = ['league_id', 'season', 'group_name', 'team_id'];
  league_id!: number;
  season!: number;
  group_name!: string;
  team_id!: number;
  rank!: number;
  points!: number;
  all_played!: number | null;
  all_won!: number | null;
  all_drawn!: number | null;
  all_lost!: number | null;
  all_goals_for!: number | null;
  all_goals_against!: number | null;
}
