/**
 * Objection models of the golden tables: the package's library API (`import { Fixture } from
 * 'quantfoot'`), and what quantfoot itself uses to read and curate (never to bulk-load: the ETL
 * writes set-based SQL, src/etl/load.ts). Row properties are snake_case as in SQL, typed by the row
 * types of src/db/tables.ts; relations are camelCase. `jsonSchema` validates rows written through a
 * model, before SQL. Bind them to a database once with `bindModels(knex)`, or pass a knex or a
 * transaction to each query (`Fixture.query(trx)`).
 */
import type { Knex } from 'knex';
import { Model, type RelationMappings } from 'objection';
import type {
  CoachRow, CoachTenureRow, CompetitionRuleRow, CountryRow, FixtureEventRow, FixtureLineupPlayerRow, FixtureLineupRow, FixturePlayerStatsRow, FixtureRow,
  FixtureStatusRow, FixtureTeamHalfStatsRow, FixtureTeamStatsRow, InjuryRow, LeagueRow, OverrideRow, PlayerRow, PlayerTeamSeasonRow,
  RoundRow, SeasonRow, SidelinedRow, SquadPlayerRow, StandingRow, TeamRow, TeamSeasonRow, TransferRow, VenueRow,
} from '../db/tables';
import { boolean, decimal, each, id, integer, nullable, object, oneOf, rowSchema, smallint, text, time } from './schema';

/** Binds every model to a knex; call once per database handle. */
export function bindModels(knex: Knex): void {
  Model.knex(knex);
}

const PLAYER_POSITIONS = ['Goalkeeper', 'Defender', 'Midfielder', 'Attacker'];
const POSITION_CODES = ['G', 'D', 'M', 'F'];
const TEAM_STATS_COUNTERS = [
  'shots_on_goal', 'shots_off_goal', 'shots_total', 'shots_blocked', 'shots_inside_box', 'shots_outside_box', 'fouls', 'corner_kicks', 'offsides',
  'yellow_cards', 'red_cards', 'goalkeeper_saves', 'passes_total', 'passes_accurate',
];
const TEAM_STATS_DECIMALS = { possession_pct: nullable(decimal(0, 100)), passes_pct: nullable(decimal(0, 100)), expected_goals: nullable(decimal()), goals_prevented: nullable(decimal()) };
const MATCH_COUNTERS = [
  'offsides', 'shots_total', 'shots_on', 'goals', 'goals_conceded', 'assists', 'saves', 'passes_total', 'passes_key', 'passes_accurate', 'tackles_total',
  'blocks', 'interceptions', 'duels_total', 'duels_won', 'dribbles_attempts', 'dribbles_success', 'dribbles_past', 'fouls_drawn', 'fouls_committed',
  'yellow_cards', 'red_cards', 'penalties_won', 'penalties_committed', 'penalties_scored', 'penalties_missed', 'penalties_saved',
];
const SEASON_COUNTERS = [
  'appearances', 'lineups', 'minutes', 'substitutes_in', 'substitutes_out', 'bench', 'shots_total', 'shots_on', 'goals', 'goals_conceded', 'assists',
  'saves', 'passes_total', 'passes_key', 'passes_accuracy', 'tackles_total', 'blocks', 'interceptions', 'duels_total', 'duels_won', 'dribbles_attempts',
  'dribbles_success', 'dribbles_past', 'fouls_drawn', 'fouls_committed', 'yellow_cards', 'yellowred_cards', 'red_cards', 'penalties_won',
  'penalties_committed', 'penalties_scored', 'penalties_missed', 'penalties_saved',
];
const STANDING_COUNTERS = ['all', 'home', 'away'].flatMap((split) => ['played', 'won', 'drawn', 'lost', 'goals_for', 'goals_against'].map((c) => `${split}_${c}`));
const season = smallint(1900, 2100);
const personName = text({ minLength: 1 });

export interface Country extends CountryRow {}
export class Country extends Model {
  static override tableName = 'golden.countries';
  static override idColumn = 'country_name';
  declare leagues?: League[];

  static override jsonSchema = rowSchema(['country_name'], {
    country_name: text({ minLength: 1 }),
    code: nullable(text({ pattern: '^[A-Z]{2}(-[A-Z]{2,3})?$' })),
    flag_url: nullable(text()),
  });

  static override relationMappings = (): RelationMappings => ({
    leagues: { relation: Model.HasManyRelation, modelClass: League, join: { from: 'golden.countries.country_name', to: 'golden.leagues.country_name' } },
  });
}

export interface League extends LeagueRow {}
export class League extends Model {
  static override tableName = 'golden.leagues';
  static override idColumn = 'league_id';
  declare country?: Country;
  declare seasons?: Season[];
  declare fixtures?: Fixture[];

  static override jsonSchema = rowSchema(['league_id', 'name', 'type', 'country_name'], {
    league_id: id,
    name: text({ minLength: 1 }),
    type: oneOf('League', 'Cup'),
    logo_url: nullable(text()),
    country_name: text({ minLength: 1 }),
  });

  static override relationMappings = (): RelationMappings => ({
    country: { relation: Model.BelongsToOneRelation, modelClass: Country, join: { from: 'golden.leagues.country_name', to: 'golden.countries.country_name' } },
    seasons: { relation: Model.HasManyRelation, modelClass: Season, join: { from: 'golden.leagues.league_id', to: 'golden.seasons.league_id' }, modify: (q) => q.orderBy('season') },
    fixtures: { relation: Model.HasManyRelation, modelClass: Fixture, join: { from: 'golden.leagues.league_id', to: 'golden.fixtures.league_id' } },
  });
}

export interface Season extends SeasonRow {}
export class Season extends Model {
  static override tableName = 'golden.seasons';
  static override idColumn = ['league_id', 'season'];
  declare league?: League;
  declare fixtures?: Fixture[];
  declare rounds?: Round[];
  declare standings?: Standing[];
  declare teams?: Team[];
  declare playerLines?: PlayerTeamSeason[];

  static override jsonSchema = rowSchema(['league_id', 'season'], {
    league_id: id,
    season,
    start_date: nullable(time),
    end_date: nullable(time),
    is_current: boolean,
    ...each(
      ['events', 'lineups', 'fixture_statistics', 'player_statistics', 'standings', 'players', 'top_scorers', 'top_assists', 'top_cards', 'injuries', 'predictions', 'odds'].map((c) => `covers_${c}`),
      nullable(boolean),
    ),
  });

  static override relationMappings = (): RelationMappings => {
    const key = ['golden.seasons.league_id', 'golden.seasons.season'];
    return {
      league: { relation: Model.BelongsToOneRelation, modelClass: League, join: { from: 'golden.seasons.league_id', to: 'golden.leagues.league_id' } },
      fixtures: {
        relation: Model.HasManyRelation, modelClass: Fixture, join: { from: key, to: ['golden.fixtures.league_id', 'golden.fixtures.season'] },
        modify: (q) => q.orderBy(['kickoff_at', 'fixture_id']),
      },
      rounds: { relation: Model.HasManyRelation, modelClass: Round, join: { from: key, to: ['golden.rounds.league_id', 'golden.rounds.season'] }, modify: (q) => q.orderBy('round_index') },
      standings: {
        relation: Model.HasManyRelation, modelClass: Standing, join: { from: key, to: ['golden.standings.league_id', 'golden.standings.season'] },
        modify: (q) => q.orderBy(['group_name', 'rank']),
      },
      teams: {
        relation: Model.ManyToManyRelation, modelClass: Team,
        join: { from: key, through: { from: ['golden.team_seasons.league_id', 'golden.team_seasons.season'], to: 'golden.team_seasons.team_id' }, to: 'golden.teams.team_id' },
      },
      playerLines: { relation: Model.HasManyRelation, modelClass: PlayerTeamSeason, join: { from: key, to: ['golden.player_team_seasons.league_id', 'golden.player_team_seasons.season'] } },
    };
  };
}

export interface Round extends RoundRow {}
export class Round extends Model {
  static override tableName = 'golden.rounds';
  static override idColumn = ['league_id', 'season', 'round'];
  declare seasonOf?: Season;

  static override jsonSchema = rowSchema(['league_id', 'season', 'round', 'round_index'], {
    league_id: id,
    season,
    round: text({ minLength: 1, maxLength: 200 }),
    round_index: smallint(1),
  });

  static override relationMappings = (): RelationMappings => ({
    seasonOf: { relation: Model.BelongsToOneRelation, modelClass: Season, join: { from: ['golden.rounds.league_id', 'golden.rounds.season'], to: ['golden.seasons.league_id', 'golden.seasons.season'] } },
  });
}

export interface Venue extends VenueRow {}
export class Venue extends Model {
  static override tableName = 'golden.venues';
  static override idColumn = 'venue_id';
  declare teams?: Team[];
  declare fixtures?: Fixture[];

  static override jsonSchema = rowSchema(['venue_id'], {
    venue_id: id,
    name: nullable(text()),
    address: nullable(text()),
    city: nullable(text()),
    country_name: nullable(text()),
    capacity: nullable(integer(0, 250_000)),
    surface: nullable(text()),
    image_url: nullable(text()),
  });

  static override relationMappings = (): RelationMappings => ({
    teams: { relation: Model.HasManyRelation, modelClass: Team, join: { from: 'golden.venues.venue_id', to: 'golden.teams.venue_id' } },
    fixtures: { relation: Model.HasManyRelation, modelClass: Fixture, join: { from: 'golden.venues.venue_id', to: 'golden.fixtures.venue_id' } },
  });
}

export interface Team extends TeamRow {}
export class Team extends Model {
  static override tableName = 'golden.teams';
  static override idColumn = 'team_id';
  declare venue?: Venue | null;
  declare seasons?: Season[];
  /** Through player_team_seasons: one entry per league-season a player played for the team, with its league_id and season. */
  declare players?: Array<Player & Pick<PlayerTeamSeasonRow, 'league_id' | 'season'>>;
  declare playerLines?: PlayerTeamSeason[];
  declare squad?: SquadPlayer[];
  declare homeFixtures?: Fixture[];
  declare awayFixtures?: Fixture[];
  declare standings?: Standing[];
  declare coachTenures?: CoachTenure[];

  static override jsonSchema = rowSchema(['team_id', 'name'], {
    team_id: id,
    name: text({ minLength: 1 }),
    code: nullable(text({ minLength: 2, maxLength: 5 })),
    country_name: nullable(text()),
    founded: nullable(integer(1800, 2100)),
    is_national: nullable(boolean),
    logo_url: nullable(text()),
    venue_id: nullable(id),
  });

  static override relationMappings = (): RelationMappings => ({
    venue: { relation: Model.BelongsToOneRelation, modelClass: Venue, join: { from: 'golden.teams.venue_id', to: 'golden.venues.venue_id' } },
    seasons: {
      relation: Model.ManyToManyRelation, modelClass: Season,
      join: { from: 'golden.teams.team_id', through: { from: 'golden.team_seasons.team_id', to: ['golden.team_seasons.league_id', 'golden.team_seasons.season'] }, to: ['golden.seasons.league_id', 'golden.seasons.season'] },
    },
    players: {
      relation: Model.ManyToManyRelation, modelClass: Player,
      join: { from: 'golden.teams.team_id', through: { from: 'golden.player_team_seasons.team_id', to: 'golden.player_team_seasons.player_id', extra: ['league_id', 'season'] }, to: 'golden.players.player_id' },
    },
    playerLines: { relation: Model.HasManyRelation, modelClass: PlayerTeamSeason, join: { from: 'golden.teams.team_id', to: 'golden.player_team_seasons.team_id' } },
    squad: { relation: Model.HasManyRelation, modelClass: SquadPlayer, join: { from: 'golden.teams.team_id', to: 'golden.squad_players.team_id' } },
    homeFixtures: { relation: Model.HasManyRelation, modelClass: Fixture, join: { from: 'golden.teams.team_id', to: 'golden.fixtures.home_team_id' } },
    awayFixtures: { relation: Model.HasManyRelation, modelClass: Fixture, join: { from: 'golden.teams.team_id', to: 'golden.fixtures.away_team_id' } },
    standings: { relation: Model.HasManyRelation, modelClass: Standing, join: { from: 'golden.teams.team_id', to: 'golden.standings.team_id' } },
    coachTenures: { relation: Model.HasManyRelation, modelClass: CoachTenure, join: { from: 'golden.teams.team_id', to: 'golden.coach_tenures.team_id' } },
  });
}

export interface TeamSeason extends TeamSeasonRow {}
export class TeamSeason extends Model {
  static override tableName = 'golden.team_seasons';
  static override idColumn = ['league_id', 'season', 'team_id'];
  declare team?: Team;
  declare seasonOf?: Season;

  static override jsonSchema = rowSchema(['league_id', 'season', 'team_id'], { league_id: id, season, team_id: id });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.team_seasons.team_id', to: 'golden.teams.team_id' } },
    seasonOf: {
      relation: Model.BelongsToOneRelation, modelClass: Season,
      join: { from: ['golden.team_seasons.league_id', 'golden.team_seasons.season'], to: ['golden.seasons.league_id', 'golden.seasons.season'] },
    },
  });
}

export interface Player extends PlayerRow {}
export class Player extends Model {
  static override tableName = 'golden.players';
  static override idColumn = 'player_id';
  /** Through player_team_seasons: one entry per league-season he played for the team, with its league_id and season. */
  declare teams?: Array<Team & Pick<PlayerTeamSeasonRow, 'league_id' | 'season'>>;
  declare seasonLines?: PlayerTeamSeason[];
  declare squads?: SquadPlayer[];
  declare matchStats?: FixturePlayerStats[];
  declare transfers?: Transfer[];
  declare sidelined?: Sidelined[];
  declare injuries?: Injury[];

  static override jsonSchema = rowSchema(['player_id', 'name'], {
    player_id: id,
    name: personName,
    firstname: nullable(text()),
    lastname: nullable(text()),
    birth_date: nullable(time),
    birth_place: nullable(text()),
    birth_country: nullable(text()),
    nationality: nullable(text()),
    height_cm: nullable(smallint(130, 230)),
    weight_kg: nullable(smallint(40, 130)),
    is_injured: nullable(boolean),
    photo_url: nullable(text()),
  });

  static override relationMappings = (): RelationMappings => ({
    teams: {
      relation: Model.ManyToManyRelation, modelClass: Team,
      join: { from: 'golden.players.player_id', through: { from: 'golden.player_team_seasons.player_id', to: 'golden.player_team_seasons.team_id', extra: ['league_id', 'season'] }, to: 'golden.teams.team_id' },
    },
    seasonLines: { relation: Model.HasManyRelation, modelClass: PlayerTeamSeason, join: { from: 'golden.players.player_id', to: 'golden.player_team_seasons.player_id' } },
    squads: { relation: Model.HasManyRelation, modelClass: SquadPlayer, join: { from: 'golden.players.player_id', to: 'golden.squad_players.player_id' } },
    matchStats: { relation: Model.HasManyRelation, modelClass: FixturePlayerStats, join: { from: 'golden.players.player_id', to: 'golden.fixture_player_stats.player_id' } },
    transfers: { relation: Model.HasManyRelation, modelClass: Transfer, join: { from: 'golden.players.player_id', to: 'golden.transfers.player_id' }, modify: (q) => q.orderBy('transfer_date') },
    sidelined: { relation: Model.HasManyRelation, modelClass: Sidelined, join: { from: 'golden.players.player_id', to: 'golden.sidelined.player_id' }, modify: (q) => q.orderBy('start_date') },
    injuries: { relation: Model.HasManyRelation, modelClass: Injury, join: { from: 'golden.players.player_id', to: 'golden.injuries.player_id' } },
  });
}

export interface PlayerTeamSeason extends PlayerTeamSeasonRow {}
export class PlayerTeamSeason extends Model {
  static override tableName = 'golden.player_team_seasons';
  static override idColumn = ['player_id', 'team_id', 'league_id', 'season'];
  declare player?: Player;
  declare team?: Team;
  declare seasonOf?: Season;

  static override jsonSchema = rowSchema(['player_id', 'team_id', 'league_id', 'season'], {
    player_id: id,
    team_id: id,
    league_id: id,
    season,
    shirt_number: nullable(smallint(0, 99)),
    position: nullable(oneOf(...PLAYER_POSITIONS)),
    rating: nullable(decimal(0, 10)),
    is_captain: nullable(boolean),
    ...each(SEASON_COUNTERS, nullable(integer(0))),
  });

  static override relationMappings = (): RelationMappings => ({
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.player_team_seasons.player_id', to: 'golden.players.player_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.player_team_seasons.team_id', to: 'golden.teams.team_id' } },
    seasonOf: {
      relation: Model.BelongsToOneRelation, modelClass: Season,
      join: { from: ['golden.player_team_seasons.league_id', 'golden.player_team_seasons.season'], to: ['golden.seasons.league_id', 'golden.seasons.season'] },
    },
  });
}

export interface SquadPlayer extends SquadPlayerRow {}
export class SquadPlayer extends Model {
  static override tableName = 'golden.squad_players';
  static override idColumn = ['team_id', 'player_id'];
  declare team?: Team;
  declare player?: Player;

  static override jsonSchema = rowSchema(['team_id', 'player_id'], {
    team_id: id,
    player_id: id,
    shirt_number: nullable(smallint(0, 999)),
    position: nullable(oneOf(...PLAYER_POSITIONS)),
  });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.squad_players.team_id', to: 'golden.teams.team_id' } },
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.squad_players.player_id', to: 'golden.players.player_id' } },
  });
}

export interface Coach extends CoachRow {}
export class Coach extends Model {
  static override tableName = 'golden.coaches';
  static override idColumn = 'coach_id';
  declare team?: Team | null;
  declare tenures?: CoachTenure[];

  static override jsonSchema = rowSchema(['coach_id', 'name'], {
    coach_id: id,
    name: personName,
    firstname: nullable(text()),
    lastname: nullable(text()),
    birth_date: nullable(time),
    birth_place: nullable(text()),
    birth_country: nullable(text()),
    nationality: nullable(text()),
    height_cm: nullable(smallint()),
    weight_kg: nullable(smallint()),
    photo_url: nullable(text()),
    team_id: nullable(id),
  });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.coaches.team_id', to: 'golden.teams.team_id' } },
    tenures: { relation: Model.HasManyRelation, modelClass: CoachTenure, join: { from: 'golden.coaches.coach_id', to: 'golden.coach_tenures.coach_id' }, modify: (q) => q.orderBy('start_date') },
  });
}

export interface CoachTenure extends CoachTenureRow {}
export class CoachTenure extends Model {
  static override tableName = 'golden.coach_tenures';
  static override idColumn = ['coach_id', 'team_id', 'start_date'];
  declare coach?: Coach;
  declare team?: Team;

  static override jsonSchema = rowSchema(['coach_id', 'team_id', 'start_date'], { coach_id: id, team_id: id, start_date: time, end_date: nullable(time) });

  static override relationMappings = (): RelationMappings => ({
    coach: { relation: Model.BelongsToOneRelation, modelClass: Coach, join: { from: 'golden.coach_tenures.coach_id', to: 'golden.coaches.coach_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.coach_tenures.team_id', to: 'golden.teams.team_id' } },
  });
}

export interface Transfer extends TransferRow {}
export class Transfer extends Model {
  static override tableName = 'golden.transfers';
  static override idColumn = ['player_id', 'transfer_date', 'team_out_id', 'team_in_id'];
  declare player?: Player;
  declare teamOut?: Team;
  declare teamIn?: Team;

  static override jsonSchema = rowSchema(['player_id', 'transfer_date', 'team_out_id', 'team_in_id'], { player_id: id, transfer_date: time, team_out_id: id, team_in_id: id, type: nullable(text()) });

  static override relationMappings = (): RelationMappings => ({
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.transfers.player_id', to: 'golden.players.player_id' } },
    teamOut: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.transfers.team_out_id', to: 'golden.teams.team_id' } },
    teamIn: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.transfers.team_in_id', to: 'golden.teams.team_id' } },
  });
}

export interface Sidelined extends SidelinedRow {}
export class Sidelined extends Model {
  static override tableName = 'golden.sidelined';
  static override idColumn = ['player_id', 'start_date'];
  declare player?: Player;

  static override jsonSchema = rowSchema(['player_id', 'start_date'], { player_id: id, start_date: time, end_date: nullable(time), type: nullable(text()) });

  static override relationMappings = (): RelationMappings => ({
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.sidelined.player_id', to: 'golden.players.player_id' } },
  });
}

export interface FixtureStatus extends FixtureStatusRow {}
export class FixtureStatus extends Model {
  static override tableName = 'golden.fixture_statuses';
  static override idColumn = 'status_short';

  static override jsonSchema = rowSchema(['status_short', 'status_long', 'category', 'description'], {
    status_short: text({ pattern: '^[A-Z0-9]{1,4}$' }),
    status_long: text(),
    category: oneOf('scheduled', 'in_play', 'finished', 'postponed', 'cancelled', 'abandoned', 'awarded'),
    description: text(),
  });
}

export interface Fixture extends FixtureRow {}
export class Fixture extends Model {
  static override tableName = 'golden.fixtures';
  static override idColumn = 'fixture_id';
  declare league?: League;
  declare seasonOf?: Season;
  declare status?: FixtureStatus;
  declare venue?: Venue | null;
  declare homeTeam?: Team;
  declare awayTeam?: Team;
  declare events?: FixtureEvent[];
  declare lineups?: FixtureLineup[];
  declare teamStats?: FixtureTeamStats[];
  declare halfStats?: FixtureTeamHalfStats[];
  declare playerStats?: FixturePlayerStats[];
  declare injuries?: Injury[];

  static override jsonSchema = rowSchema(['fixture_id', 'league_id', 'season', 'round', 'kickoff_at', 'status_short', 'home_team_id', 'away_team_id'], {
    fixture_id: id,
    league_id: id,
    season,
    round: text({ minLength: 1 }),
    kickoff_at: time,
    referee: nullable(text()),
    venue_id: nullable(id),
    venue_name: nullable(text()),
    venue_city: nullable(text()),
    status_short: text(),
    status_long: nullable(text()),
    elapsed: nullable(smallint(0, 150)),
    status_extra: nullable(smallint(0, 60)),
    first_half_at: nullable(time),
    second_half_at: nullable(time),
    home_team_id: id,
    away_team_id: id,
    home_winner: nullable(boolean),
    away_winner: nullable(boolean),
    ...each(['goals', 'halftime', 'fulltime', 'extratime', 'penalty'].flatMap((s) => [`${s}_home`, `${s}_away`]), nullable(smallint(0))),
    has_standings: nullable(boolean),
    referee_name: nullable(text()),
    referee_country: nullable(text()),
  });

  static override relationMappings = (): RelationMappings => ({
    league: { relation: Model.BelongsToOneRelation, modelClass: League, join: { from: 'golden.fixtures.league_id', to: 'golden.leagues.league_id' } },
    seasonOf: {
      relation: Model.BelongsToOneRelation, modelClass: Season,
      join: { from: ['golden.fixtures.league_id', 'golden.fixtures.season'], to: ['golden.seasons.league_id', 'golden.seasons.season'] },
    },
    status: { relation: Model.BelongsToOneRelation, modelClass: FixtureStatus, join: { from: 'golden.fixtures.status_short', to: 'golden.fixture_statuses.status_short' } },
    venue: { relation: Model.BelongsToOneRelation, modelClass: Venue, join: { from: 'golden.fixtures.venue_id', to: 'golden.venues.venue_id' } },
    homeTeam: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixtures.home_team_id', to: 'golden.teams.team_id' } },
    awayTeam: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixtures.away_team_id', to: 'golden.teams.team_id' } },
    events: { relation: Model.HasManyRelation, modelClass: FixtureEvent, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_events.fixture_id' }, modify: (q) => q.orderBy('event_index') },
    lineups: { relation: Model.HasManyRelation, modelClass: FixtureLineup, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_lineups.fixture_id' } },
    teamStats: { relation: Model.HasManyRelation, modelClass: FixtureTeamStats, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_team_stats.fixture_id' } },
    halfStats: { relation: Model.HasManyRelation, modelClass: FixtureTeamHalfStats, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_team_half_stats.fixture_id' } },
    playerStats: { relation: Model.HasManyRelation, modelClass: FixturePlayerStats, join: { from: 'golden.fixtures.fixture_id', to: 'golden.fixture_player_stats.fixture_id' } },
    injuries: { relation: Model.HasManyRelation, modelClass: Injury, join: { from: 'golden.fixtures.fixture_id', to: 'golden.injuries.fixture_id' } },
  });
}

export interface FixtureEvent extends FixtureEventRow {}
export class FixtureEvent extends Model {
  static override tableName = 'golden.fixture_events';
  static override idColumn = ['fixture_id', 'event_index'];
  declare fixture?: Fixture;
  declare team?: Team;
  declare player?: Player | null;
  declare assist?: Player | null;

  static override jsonSchema = rowSchema(['fixture_id', 'event_index', 'elapsed', 'team_id', 'type', 'is_shootout'], {
    fixture_id: id,
    event_index: smallint(0),
    elapsed: smallint(-5, 150),
    extra: nullable(smallint(0, 60)),
    team_id: id,
    player_id: nullable(id),
    player_name: nullable(text()),
    assist_id: nullable(id),
    assist_name: nullable(text()),
    type: oneOf('Goal', 'Card', 'subst', 'Var'),
    detail: nullable(text()),
    comments: nullable(text()),
    is_shootout: boolean,
  });

  static override relationMappings = (): RelationMappings => ({
    fixture: { relation: Model.BelongsToOneRelation, modelClass: Fixture, join: { from: 'golden.fixture_events.fixture_id', to: 'golden.fixtures.fixture_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixture_events.team_id', to: 'golden.teams.team_id' } },
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.fixture_events.player_id', to: 'golden.players.player_id' } },
    assist: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.fixture_events.assist_id', to: 'golden.players.player_id' } },
  });
}

export interface FixtureLineup extends FixtureLineupRow {}
export class FixtureLineup extends Model {
  static override tableName = 'golden.fixture_lineups';
  static override idColumn = ['fixture_id', 'team_id'];
  declare fixture?: Fixture;
  declare team?: Team;
  declare players?: FixtureLineupPlayer[];

  static override jsonSchema = rowSchema(['fixture_id', 'team_id'], {
    fixture_id: id,
    team_id: id,
    formation: nullable(text({ pattern: '^[0-9](-[0-9]){1,5}$' })),
    coach_id: nullable(id),
    coach_name: nullable(text()),
    coach_photo_url: nullable(text()),
    colors: nullable(object),
  });

  static override relationMappings = (): RelationMappings => ({
    fixture: { relation: Model.BelongsToOneRelation, modelClass: Fixture, join: { from: 'golden.fixture_lineups.fixture_id', to: 'golden.fixtures.fixture_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixture_lineups.team_id', to: 'golden.teams.team_id' } },
    players: {
      relation: Model.HasManyRelation, modelClass: FixtureLineupPlayer,
      join: { from: ['golden.fixture_lineups.fixture_id', 'golden.fixture_lineups.team_id'], to: ['golden.fixture_lineup_players.fixture_id', 'golden.fixture_lineup_players.team_id'] },
      modify: (q) => q.orderBy('list_index'),
    },
  });
}

export interface FixtureLineupPlayer extends FixtureLineupPlayerRow {}
export class FixtureLineupPlayer extends Model {
  static override tableName = 'golden.fixture_lineup_players';
  static override idColumn = ['fixture_id', 'team_id', 'player_id'];
  declare player?: Player;

  static override jsonSchema = rowSchema(['fixture_id', 'team_id', 'player_id', 'is_starter', 'list_index'], {
    fixture_id: id,
    team_id: id,
    player_id: id,
    player_name: nullable(text()),
    shirt_number: nullable(smallint(0, 99)),
    position: nullable(oneOf(...POSITION_CODES)),
    grid: nullable(text({ pattern: '^[0-9]+:[0-9]+$' })),
    is_starter: boolean,
    list_index: smallint(0),
  });

  static override relationMappings = (): RelationMappings => ({
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.fixture_lineup_players.player_id', to: 'golden.players.player_id' } },
  });
}

export interface FixtureTeamStats extends FixtureTeamStatsRow {}
export class FixtureTeamStats extends Model {
  static override tableName = 'golden.fixture_team_stats';
  static override idColumn = ['fixture_id', 'team_id'];
  declare team?: Team;

  static override jsonSchema = rowSchema(['fixture_id', 'team_id'], {
    fixture_id: id,
    team_id: id,
    ...each(TEAM_STATS_COUNTERS, nullable(integer(0))),
    ...TEAM_STATS_DECIMALS,
    other_stats: object,
  });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixture_team_stats.team_id', to: 'golden.teams.team_id' } },
  });
}

export interface FixtureTeamHalfStats extends FixtureTeamHalfStatsRow {}
export class FixtureTeamHalfStats extends Model {
  static override tableName = 'golden.fixture_team_half_stats';
  static override idColumn = ['fixture_id', 'team_id', 'half'];
  declare team?: Team;

  static override jsonSchema = rowSchema(['fixture_id', 'team_id', 'half'], {
    fixture_id: id,
    team_id: id,
    half: oneOf(1, 2),
    ...each(TEAM_STATS_COUNTERS, nullable(integer(0))),
    ...TEAM_STATS_DECIMALS,
    other_stats: object,
  });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixture_team_half_stats.team_id', to: 'golden.teams.team_id' } },
  });
}

export interface FixturePlayerStats extends FixturePlayerStatsRow {}
export class FixturePlayerStats extends Model {
  static override tableName = 'golden.fixture_player_stats';
  static override idColumn = ['fixture_id', 'team_id', 'player_id'];
  declare fixture?: Fixture;
  declare team?: Team;
  declare player?: Player;

  static override jsonSchema = rowSchema(['fixture_id', 'team_id', 'player_id'], {
    fixture_id: id,
    team_id: id,
    player_id: id,
    shirt_number: nullable(smallint()),
    position: nullable(oneOf(...POSITION_CODES)),
    rating: nullable(decimal(0, 10)),
    is_captain: nullable(boolean),
    is_substitute: nullable(boolean),
    minutes: nullable(integer(0, 150)),
    ...each(MATCH_COUNTERS, nullable(integer(0))),
  });

  static override relationMappings = (): RelationMappings => ({
    fixture: { relation: Model.BelongsToOneRelation, modelClass: Fixture, join: { from: 'golden.fixture_player_stats.fixture_id', to: 'golden.fixtures.fixture_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.fixture_player_stats.team_id', to: 'golden.teams.team_id' } },
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.fixture_player_stats.player_id', to: 'golden.players.player_id' } },
  });
}

export interface Standing extends StandingRow {}
export class Standing extends Model {
  static override tableName = 'golden.standings';
  static override idColumn = ['league_id', 'season', 'group_name', 'team_id'];
  declare team?: Team;
  declare seasonOf?: Season;

  static override jsonSchema = rowSchema(['league_id', 'season', 'group_name', 'team_id', 'rank', 'points', 'goals_diff'], {
    league_id: id,
    season,
    group_name: text(),
    team_id: id,
    rank: smallint(1),
    points: smallint(),
    goals_diff: smallint(),
    form: nullable(text({ pattern: '^[WDL]*$' })),
    status: nullable(text()),
    description: nullable(text()),
    ...each(STANDING_COUNTERS, nullable(smallint(0))),
    api_updated_at: nullable(time),
  });

  static override relationMappings = (): RelationMappings => ({
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.standings.team_id', to: 'golden.teams.team_id' } },
    seasonOf: {
      relation: Model.BelongsToOneRelation, modelClass: Season,
      join: { from: ['golden.standings.league_id', 'golden.standings.season'], to: ['golden.seasons.league_id', 'golden.seasons.season'] },
    },
  });
}

export interface Injury extends InjuryRow {}
export class Injury extends Model {
  static override tableName = 'golden.injuries';
  static override idColumn = ['fixture_id', 'player_id'];
  declare fixture?: Fixture;
  declare player?: Player;
  declare team?: Team;

  static override jsonSchema = rowSchema(['fixture_id', 'player_id', 'team_id', 'type'], {
    fixture_id: id,
    player_id: id,
    team_id: id,
    type: oneOf('Missing Fixture', 'Questionable'),
    reason: nullable(text()),
  });

  static override relationMappings = (): RelationMappings => ({
    fixture: { relation: Model.BelongsToOneRelation, modelClass: Fixture, join: { from: 'golden.injuries.fixture_id', to: 'golden.fixtures.fixture_id' } },
    player: { relation: Model.BelongsToOneRelation, modelClass: Player, join: { from: 'golden.injuries.player_id', to: 'golden.players.player_id' } },
    team: { relation: Model.BelongsToOneRelation, modelClass: Team, join: { from: 'golden.injuries.team_id', to: 'golden.teams.team_id' } },
  });
}

/** A curated correction (quantfoot override); write them with src/curation, which checks them against their column first. */
export interface Override extends OverrideRow {}
export class Override extends Model {
  static override tableName = 'golden.overrides';
  static override idColumn = ['entity', 'entity_id', 'field'];

  static override jsonSchema = rowSchema(['entity', 'entity_id', 'field', 'value', 'reason', 'author'], {
    entity: oneOf('leagues', 'venues', 'teams', 'players', 'coaches', 'fixtures'),
    entity_id: id,
    field: text({ pattern: '^[a-z_][a-z0-9_]*$' }),
    value: text(),
    reason: text({ pattern: '\\S' }),
    author: text({ pattern: '\\S' }),
    created_at: time,
  });
}

const TIE_BREAKERS = ['points', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'h2h_away_goals'];

/** A competition's ranking and tie rules for the seasons from from_season (league_id 0: the default); the marts read them. */
export interface CompetitionRule extends CompetitionRuleRow {}
export class CompetitionRule extends Model {
  static override tableName = 'golden.competition_rules';
  static override idColumn = ['league_id', 'from_season'];

  static override jsonSchema = rowSchema(['league_id', 'from_season', 'competition', 'tie_breakers'], {
    league_id: integer(0),
    from_season: smallint(1850, 2100),
    competition: text({ pattern: '\\S' }),
    tie_breakers: { type: 'array', minItems: 1, maxItems: 12, items: oneOf(...TIE_BREAKERS) },
    points_per_win: smallint(1),
    points_per_draw: smallint(0),
    away_goals_decide_ties: boolean,
    notes: nullable(text()),
  });
}

/** Every model of a golden table, by table name (golden.<table>). */
export const GOLDEN_MODELS = {
  countries: Country, leagues: League, seasons: Season, rounds: Round, venues: Venue, teams: Team, team_seasons: TeamSeason, players: Player,
  player_team_seasons: PlayerTeamSeason, squad_players: SquadPlayer, coaches: Coach, coach_tenures: CoachTenure, transfers: Transfer, sidelined: Sidelined,
  fixture_statuses: FixtureStatus, fixtures: Fixture, fixture_events: FixtureEvent, fixture_lineups: FixtureLineup, fixture_lineup_players: FixtureLineupPlayer,
  fixture_team_stats: FixtureTeamStats, fixture_team_half_stats: FixtureTeamHalfStats, fixture_player_stats: FixturePlayerStats, standings: Standing,
  injuries: Injury, overrides: Override, competition_rules: CompetitionRule,
} as const;

