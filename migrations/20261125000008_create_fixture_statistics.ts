import type { Knex } from 'knex';

// Team and player statistics of a match (/fixtures/statistics and /fixtures/players).
const TEAM_STATS: Array<[string, 'integer' | 'decimal', string]> = [
  ['shots_on_goal', 'integer', '"Shots on Goal"'],
  ['shots_off_goal', 'integer', '"Shots off Goal"'],
  ['shots_total', 'integer', '"Total Shots"'],
  ['shots_blocked', 'integer', '"Blocked Shots"'],
  ['shots_inside_box', 'integer', '"Shots insidebox"'],
  ['shots_outside_box', 'integer', '"Shots outsidebox"'],
  ['fouls', 'integer', '"Fouls"'],
  ['corner_kicks', 'integer', '"Corner Kicks"'],
  ['offsides', 'integer', '"Offsides"'],
  ['possession_pct', 'decimal', '"Ball Possession", parsed from "55%"'],
  ['yellow_cards', 'integer', '"Yellow Cards"'],
  ['red_cards', 'integer', '"Red Cards"'],
  ['goalkeeper_saves', 'integer', '"Goalkeeper Saves"'],
  ['passes_total', 'integer', '"Total passes"'],
  ['passes_accurate', 'integer', '"Passes accurate"'],
  ['passes_pct', 'decimal', '"Passes %", parsed from "77%"'],
  ['expected_goals', 'decimal', '"expected_goals", parsed from "1.10" (from 2024)'],
  ['goals_prevented', 'decimal', '"goals_prevented" (from 2025)'],
];

const PLAYER_COUNTERS: Array<[string, string]> = [
  ['minutes', 'games.minutes: minutes played; null for unused substitutes.'],
  ['offsides', 'offsides'],
  ['shots_total', 'shots.total'],
  ['shots_on', 'shots.on'],
  ['goals', 'goals.total (own goals excluded).'],
  ['goals_conceded', 'goals.conceded'],
  ['assists', 'goals.assists'],
  ['saves', 'goals.saves'],
  ['passes_total', 'passes.total'],
  ['passes_key', 'passes.key'],
  ['passes_accurate', 'passes.accuracy: the count of accurate passes, sent as a string ("47").'],
  ['tackles_total', 'tackles.total'],
  ['blocks', 'tackles.blocks'],
  ['interceptions', 'tackles.interceptions'],
  ['duels_total', 'duels.total'],
  ['duels_won', 'duels.won'],
  ['dribbles_attempts', 'dribbles.attempts'],
  ['dribbles_success', 'dribbles.success'],
  ['dribbles_past', 'dribbles.past'],
  ['fouls_drawn', 'fouls.drawn'],
  ['fouls_committed', 'fouls.committed'],
  ['yellow_cards', 'cards.yellow'],
  ['red_cards', 'cards.red'],
  ['penalties_won', 'penalty.won'],
  ['penalties_committed', 'penalty.commited (sic)'],
  ['penalties_scored', 'penalty.scored'],
  ['penalties_missed', 'penalty.missed'],
  ['penalties_saved', 'penalty.saved'],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('fixture_team_stats', (t) => {
    t.comment('Statistics of one team in a match; the documented types as columns, any other type kept in other_stats.');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.integer('team_id').notNullable().comment('The team.');
    for (const [name, type, comment] of TEAM_STATS) {
      (type === 'integer' ? t.integer(name) : t.decimal(name, 8, 3)).nullable().comment(`Statistic ${comment}; null when the API sends null (often for zero).`);
    }
    t.jsonb('other_stats').notNullable().defaultTo('{}').comment('Statistic types the API sent that have no column yet, {type: value} as received: new types are kept, never dropped.');
    t.primary(['fixture_id', 'team_id'], { constraintName: 'fixture_team_stats_pkey' });
    t.foreign(['fixture_id'], 'fixture_team_stats_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['team_id'], 'fixture_team_stats_team_fk').references(['team_id']).inTable('golden.teams');
    t.check('possession_pct is null or possession_pct between 0 and 100', [], 'fixture_team_stats_possession_range_chk');
    t.check('passes_pct is null or passes_pct between 0 and 100', [], 'fixture_team_stats_passes_pct_range_chk');
    t.check(TEAM_STATS.filter(([n]) => n !== 'goals_prevented').map(([name]) => `coalesce(${name}, 0) >= 0`).join(' and '), [], 'fixture_team_stats_counts_nonneg_chk');
    t.check("jsonb_typeof(other_stats) = 'object'", [], 'fixture_team_stats_other_is_object_chk');
    t.index(['team_id'], 'fixture_team_stats_team_idx');
  });

  await knex.schema.withSchema('golden').createTable('fixture_player_stats', (t) => {
    t.comment('Statistics of one player in one match (/fixtures/players), the source of player season marts.');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.integer('team_id').notNullable().comment('The team he played for.');
    t.integer('player_id').notNullable().comment('The player.');
    t.smallint('shirt_number').nullable().comment('games.number');
    t.text('position').nullable().comment('games.position: G, D, M or F.');
    t.decimal('rating', 4, 2).nullable().comment('games.rating, parsed from a string like "7.3"; null when not rated.');
    t.boolean('is_captain').nullable().comment('games.captain');
    t.boolean('is_substitute').nullable().comment('games.substitute: started on the bench.');
    for (const [name, comment] of PLAYER_COUNTERS) t.integer(name).nullable().comment(comment);
    t.primary(['fixture_id', 'team_id', 'player_id'], { constraintName: 'fixture_player_stats_pkey' });
    t.foreign(['fixture_id'], 'fixture_player_stats_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['team_id'], 'fixture_player_stats_team_fk').references(['team_id']).inTable('golden.teams');
    t.foreign(['player_id'], 'fixture_player_stats_player_fk').references(['player_id']).inTable('golden.players');
    t.check("position is null or position in ('G','D','M','F')", [], 'fixture_player_stats_position_chk');
    t.check('rating is null or rating between 0 and 10', [], 'fixture_player_stats_rating_range_chk');
    t.check('minutes is null or minutes between 0 and 150', [], 'fixture_player_stats_minutes_range_chk');
    t.check(PLAYER_COUNTERS.map(([name]) => `coalesce(${name}, 0) >= 0`).join(' and '), [], 'fixture_player_stats_counts_nonneg_chk');
    t.index(['player_id'], 'fixture_player_stats_player_idx');
    t.index(['team_id'], 'fixture_player_stats_team_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('fixture_player_stats');
  await knex.schema.withSchema('golden').dropTable('fixture_team_stats');
}
