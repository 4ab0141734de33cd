import type { Knex } from 'knex';

// The API's own league tables (/standings, one row per group and team) and player absences (/injuries).
const SPLITS = ['all', 'home', 'away'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').createTable('standings', (t) => {
    t.comment('League tables as API-Football publishes them, one row per league-season, group and team; marts.standings_reconciliation compares them with our own.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.text('group_name').notNullable().comment('The group label, e.g. "Premier League", "Group A".');
    t.integer('team_id').notNullable().comment('The team.');
    t.smallint('rank').notNullable().comment('Position in the group.');
    t.smallint('points').notNullable().comment('Points.');
    t.smallint('goals_diff').notNullable().comment('goalsDiff: goals for minus against.');
    t.text('form').nullable().comment('Last results, newest first, e.g. "WWDLW".');
    t.text('status').nullable().comment('Movement since the last round: same, up, down.');
    t.text('description').nullable().comment('What the rank leads to, e.g. "Promotion - Champions League (Group Stage: )".');
    for (const split of SPLITS) {
      for (const [col, src] of [['played', 'played'], ['won', 'win'], ['drawn', 'draw'], ['lost', 'lose'], ['goals_for', 'goals.for'], ['goals_against', 'goals.against']]) {
        t.smallint(`${split}_${col}`).nullable().comment(`${split}.${src}`);
      }
    }
    t.timestamp('api_updated_at', { useTz: true }).nullable().comment('update: when the API last changed the row.');
    t.primary(['league_id', 'season', 'group_name', 'team_id'], { constraintName: 'standings_pkey' });
    t.foreign(['league_id', 'season'], 'standings_season_fk').references(['league_id', 'season']).inTable('golden.seasons').onDelete('CASCADE');
    t.foreign(['team_id'], 'standings_team_fk').references(['team_id']).inTable('golden.teams');
    t.check('rank > 0', [], 'standings_rank_positive_chk');
    t.check("form is null or form ~ '^[WDL]*$'", [], 'standings_form_format_chk');
    t.check(
      SPLITS.map((s) => `(${s}_played is null or ${s}_played = ${s}_won + ${s}_drawn + ${s}_lost)`).join(' and '),
      [],
      'standings_played_adds_up_chk',
    );
    t.check(
      SPLITS.flatMap((s) => ['played', 'won', 'drawn', 'lost', 'goals_for', 'goals_against'].map((c) => `coalesce(${s}_${c}, 0) >= 0`)).join(' and '),
      [],
      'standings_counts_nonneg_chk',
    );
    t.index(['team_id'], 'standings_team_idx');
  });

  await knex.schema.withSchema('golden').createTable('injuries', (t) => {
    t.comment('Players missing or doubtful for a fixture (/injuries).');
    t.integer('fixture_id').notNullable().comment('The match the player misses.');
    t.integer('player_id').notNullable().comment('The player.');
    t.integer('team_id').notNullable().comment('His team.');
    t.text('type').notNullable().comment('Missing Fixture or Questionable.');
    t.text('reason').nullable().comment('e.g. "Knee Injury", "Yellow Cards".');
    t.primary(['fixture_id', 'player_id'], { constraintName: 'injuries_pkey' });
    t.foreign(['fixture_id'], 'injuries_fixture_fk').references(['fixture_id']).inTable('golden.fixtures').onDelete('CASCADE');
    t.foreign(['player_id'], 'injuries_player_fk').references(['player_id']).inTable('golden.players');
    t.foreign(['team_id'], 'injuries_team_fk').references(['team_id']).inTable('golden.teams');
    t.check("type in ('Missing Fixture','Questionable')", [], 'injuries_type_chk');
    t.index(['player_id'], 'injuries_player_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('injuries');
  await knex.schema.withSchema('golden').dropTable('standings');
}
