import type { Knex } from 'knex';

// Players (/players item.player) and their season statistics per team (/players item.statistics[]).
const SEASON_COUNTERS: Array<[string, string]> = [
  ['appearances', 'games.appearences (sic): matches played.'],
  ['lineups', 'games.lineups: matches started.'],
  ['minutes', 'games.minutes: minutes played.'],
  ['substitutes_in', 'substitutes.in: times brought on.'],
  ['substitutes_out', 'substitutes.out: times taken off.'],
  ['bench', 'substitutes.bench: times on the bench.'],
  ['shots_total', 'shots.total'],
  ['shots_on', 'shots.on: shots on target.'],
  ['goals', 'goals.total: goals scored (own goals excluded, as the API counts them).'],
  ['goals_conceded', 'goals.conceded (goalkeepers).'],
  ['assists', 'goals.assists'],
  ['saves', 'goals.saves (goalkeepers).'],
  ['passes_total', 'passes.total'],
  ['passes_key', 'passes.key: passes leading to a shot.'],
  ['passes_accuracy', 'passes.accuracy as /players sends it (an integer).'],
  ['tackles_total', 'tackles.total'],
  ['blocks', 'tackles.blocks'],
  ['interceptions', 'tackles.interceptions'],
  ['duels_total', 'duels.total'],
  ['duels_won', 'duels.won'],
  ['dribbles_attempts', 'dribbles.attempts'],
  ['dribbles_success', 'dribbles.success'],
  ['dribbles_past', 'dribbles.past: times dribbled past.'],
  ['fouls_drawn', 'fouls.drawn'],
  ['fouls_committed', 'fouls.committed'],
  ['yellow_cards', 'cards.yellow'],
  ['yellowred_cards', 'cards.yellowred: second yellow cards.'],
  ['red_cards', 'cards.red'],
  ['penalties_won', 'penalty.won'],
  ['penalties_committed', 'penalty.commited (sic)'],
  ['penalties_scored', 'penalty.scored'],
  ['penalties_missed', 'penalty.missed'],
  ['penalties_saved', 'penalty.saved'],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('players', (t) => {
    t.comment('People who play, from /players, lineups and events; player_id is stable across teams.');
    t.integer('player_id').notNullable().comment('API-Football player id.');
    t.text('name').notNullable().comment('Display name, e.g. "A. Diallo".');
    t.text('firstname').nullable().comment('First name(s).');
    t.text('lastname').nullable().comment('Last name(s).');
    t.date('birth_date').nullable().comment('Date of birth.');
    t.text('birth_place').nullable().comment('Place of birth.');
    t.text('birth_country').nullable().comment('Country of birth.');
    t.text('nationality').nullable().comment('Nationality.');
    t.smallint('height_cm').nullable().comment('Height in cm, parsed from "187 cm".');
    t.smallint('weight_kg').nullable().comment('Weight in kg, parsed from "79 kg".');
    t.boolean('is_injured').nullable().comment('player.injured at the last load.');
    t.text('photo_url').nullable().comment('Photo URL.');
    t.primary(['player_id'], { constraintName: 'players_pkey' });
    t.check('player_id > 0', [], 'players_id_positive_chk');
    t.check('height_cm is null or height_cm between 130 and 230', [], 'players_height_range_chk');
    t.check('weight_kg is null or weight_kg between 40 and 130', [], 'players_weight_range_chk');
    t.check("birth_date is null or birth_date between date '1900-01-01' and current_date", [], 'players_birth_date_range_chk');
    t.check('length(name) > 0', [], 'players_name_not_empty_chk');
  });

  await knex.schema.withSchema('golden').createTable('player_team_seasons', (t) => {
    t.comment('Season statistics of a player for one team in one league-season (/players statistics[]).');
    t.integer('player_id').notNullable().comment('The player.');
    t.integer('team_id').notNullable().comment('The team he played for.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.smallint('shirt_number').nullable().comment('games.number');
    t.text('position').nullable().comment('games.position: Goalkeeper, Defender, Midfielder or Attacker.');
    t.decimal('rating', 8, 6).nullable().comment('games.rating, parsed from a string like "6.862500".');
    t.boolean('is_captain').nullable().comment('games.captain');
    for (const [name, comment] of SEASON_COUNTERS) t.integer(name).nullable().comment(comment);
    t.primary(['player_id', 'team_id', 'league_id', 'season'], { constraintName: 'player_team_seasons_pkey' });
    t.foreign(['player_id'], 'player_team_seasons_player_fk').references(['player_id']).inTable('golden.players').onDelete('CASCADE');
    t.foreign(['team_id'], 'player_team_seasons_team_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['league_id', 'season'], 'player_team_seasons_season_fk').references(['league_id', 'season']).inTable('golden.seasons').onDelete('CASCADE');
    t.check("position is null or position in ('Goalkeeper','Defender','Midfielder','Attacker')", [], 'player_team_seasons_position_chk');
    t.check('rating is null or rating between 0 and 10', [], 'player_team_seasons_rating_range_chk');
    t.check('shirt_number is null or shirt_number between 0 and 99', [], 'player_team_seasons_number_range_chk');
    t.check(SEASON_COUNTERS.map(([name]) => `coalesce(${name}, 0) >= 0`).join(' and '), [], 'player_team_seasons_counts_nonneg_chk');
    t.check('coalesce(lineups, 0) <= coalesce(appearances, lineups, 0)', [], 'player_team_seasons_lineups_le_apps_chk');
    t.index(['league_id', 'season'], 'player_team_seasons_league_season_idx');
    t.index(['team_id', 'season'], 'player_team_seasons_team_season_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('player_team_seasons');
  await knex.schema.withSchema('golden').dropTable('players');
}
