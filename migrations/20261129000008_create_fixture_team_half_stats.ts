import type { Knex } from 'knex';

// First- and second-half statistics of a team in a match (/fixtures/statistics?half=true), for the
// splits analysts ask for: how a team's shots, possession and corners differ after the break.
// The columns of fixture_team_stats, listed again rather than imported: a migration stays what it
// was when it was applied, whatever later ones do.
const STATS: Array<[string, 'integer' | 'decimal', string]> = [
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
  ['expected_goals', 'decimal', '"expected_goals", parsed from "0.61"'],
  ['goals_prevented', 'decimal', '"goals_prevented"'],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('fixture_team_half_stats', (t) => {
    t.comment('Statistics of one team in one half of a match (/fixtures/statistics?half=true: statistics_1h, statistics_2h).');
    t.integer('fixture_id').notNullable().comment('The match.');
    t.integer('team_id').notNullable().comment('The team.');
    t.smallint('half').notNullable().comment('1 for the first half, 2 for the second.');
    for (const [name, type, comment] of STATS) {
      (type === 'integer' ? t.integer(name) : t.decimal(name, 8, 3)).nullable().comment(`Statistic ${comment} in this half; null when the API sends null (often for zero).`);
    }
    t.jsonb('other_stats').notNullable().defaultTo('{}').comment('Statistic types of this half that have no column yet, {type: value} as received.');
    t.primary(['fixture_id', 'team_id', 'half'], { constraintName: 'fixture_team_half_stats_pkey' });
    t.foreign(['fixture_id'], 'fixture_team_half_stats_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['team_id'], 'fixture_team_half_stats_team_fk').references(['team_id']).inTable('golden.teams');
    t.check('half in (1, 2)', [], 'fixture_team_half_stats_half_chk');
    t.check('possession_pct is null or possession_pct between 0 and 100', [], 'fixture_team_half_stats_possession_range_chk');
    t.check('passes_pct is null or passes_pct between 0 and 100', [], 'fixture_team_half_stats_passes_pct_range_chk');
    t.check(STATS.filter(([n]) => n !== 'goals_prevented').map(([name]) => `coalesce(${name}, 0) >= 0`).join(' and '), [], 'fixture_team_half_stats_counts_nonneg_chk');
    t.check("jsonb_typeof(other_stats) = 'object'", [], 'fixture_team_half_stats_other_is_object_chk');
    t.index(['team_id'], 'fixture_team_half_stats_team_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('fixture_team_half_stats');
}
