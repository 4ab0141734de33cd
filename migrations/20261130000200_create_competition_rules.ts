import type { Knex } from 'knex';

// Competition rules as data, beside the golden tables: how a competition ranks teams level on points
// and whether away goals settle its two-legged ties. marts.league_table and marts.knockout_ties read
// them through marts.competition_rules (the row that applies to each league-season). The API sends
// none of this; a row is curated by hand, so rules change with an UPDATE or INSERT (README, "Tie-break
// rules"), never with a code change. A competition whose rules changed gets one row per era, keyed by
// the first season it applies to; league_id 0 is the default for competitions without a row.
const CRITERIA = [
  'points', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins',
  'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'h2h_away_goals',
];

interface Rule {
  league_id: number;
  from_season: number;
  competition: string;
  tie_breakers: string[];
  away_goals_decide_ties: boolean;
  notes: string;
}

// The seasons are those the regulations changed in. UEFA: group-stage criteria of the Champions
// League regulations (art. 17) until 2023-24; away goals abolished in all its competitions from
// 2021-22 (ties and the head-to-head criterion); the 2024-25 league phase has no head-to-head (not
// every pair meets). Criteria the data cannot give (fair play, disciplinary points, club coefficient,
// play-offs, drawing lots) are left out: teams still level are ordered by name.
const UEFA_TO_2020 = ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'h2h_away_goals', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];
const UEFA_2021 = ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];
const UEFA_2024 = ['points', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];
const uefa = (league_id: number, competition: string): Rule[] => [
  { league_id, from_season: 1955, competition, tie_breakers: UEFA_TO_2020, away_goals_decide_ties: true, notes: 'UEFA club competition regulations before 2021-22: head-to-head first, away goals count in ties.' },
  { league_id, from_season: 2021, competition, tie_breakers: UEFA_2021, away_goals_decide_ties: false, notes: 'UEFA abolished the away goals rule from 2021-22: level ties go to extra time and penalties.' },
  { league_id, from_season: 2024, competition, tie_breakers: UEFA_2024, away_goals_decide_ties: false, notes: 'League phase from 2024-25: not every pair meets, so no head-to-head.' },
];

const SEEDED_RULES: Rule[] = [
  { league_id: 0, from_season: 1900, competition: 'Default', tie_breakers: ['points', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, notes: 'For competitions without their own row: points, goal difference, goals scored.' },
  { league_id: 39, from_season: 1992, competition: 'Premier League', tie_breakers: ['points', 'goal_diff', 'goals_for', 'h2h_points', 'h2h_away_goals'], away_goals_decide_ties: false, notes: 'Premier League rule C.17: points, goal difference, goals scored, then points and away goals in the matches between the clubs.' },
  { league_id: 140, from_season: 1929, competition: 'La Liga', tie_breakers: ['points', 'h2h_points', 'h2h_goal_diff', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, notes: 'RFEF: head-to-head points and goal difference first, then overall goal difference and goals scored.' },
  { league_id: 135, from_season: 1929, competition: 'Serie A', tie_breakers: ['points', 'h2h_points', 'h2h_goal_diff', 'goal_diff', 'goals_for'], away_goals_decide_ties: false, notes: 'FIGC: head-to-head points and goal difference first, then overall goal difference and goals scored (a title or relegation tie goes to a play-off, not modelled).' },
  { league_id: 78, from_season: 1963, competition: 'Bundesliga', tie_breakers: ['points', 'goal_diff', 'goals_for', 'h2h_points', 'h2h_away_goals', 'away_goals'], away_goals_decide_ties: false, notes: 'DFL: points, goal difference, goals scored, head-to-head, away goals in the matches between them, away goals overall.' },
  { league_id: 61, from_season: 1932, competition: 'Ligue 1', tie_breakers: ['points', 'goal_diff', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'goals_for'], away_goals_decide_ties: false, notes: 'LFP: points, goal difference, then head-to-head points, goal difference and goals, then goals scored.' },
  ...uefa(2, 'UEFA Champions League'),
  ...uefa(3, 'UEFA Europa League'),
  ...uefa(848, 'UEFA Europa Conference League').filter((rule) => rule.from_season >= 2021),
];

export async function up(knex: Knex): Promise<void> {
  const allowed = `array[${CRITERIA.map((c) => `'${c}'`).join(', ')}]::text[]`;
  await knex.schema.withSchema('golden').createTable('competition_rules', (t) => {
    t.comment('How each competition ranks teams level on points and settles two-legged ties, one row per competition and era (curated by hand, not from the API); league_id 0 is the default. Read through marts.competition_rules.');
    t.integer('league_id').notNullable().comment('API-Football league id the rules are for; 0 is the default for competitions without a row of their own.');
    t.smallint('from_season').notNullable().comment('First season (start year) the rules apply to; they apply until the competition\'s next row.');
    t.text('competition').notNullable().comment('Whose rules these are, for people editing them (the league may not be loaded yet).');
    t.specificType('tie_breakers', 'text[]').notNullable().comment(`The ranking criteria in order, points first, each higher-is-better: ${CRITERIA.join(', ')}. h2h_ criteria count the matches among the teams still level on every criterion before the first h2h_ one. Teams level on all are ordered by name.`);
    t.smallint('points_per_win').notNullable().defaultTo(3).comment('League points for a win.');
    t.smallint('points_per_draw').notNullable().defaultTo(1).comment('League points for a draw.');
    t.boolean('away_goals_decide_ties').notNullable().defaultTo(false).comment('In the seasons of this row, a two-legged tie level on aggregate goes to the team with more away goals (UEFA until 2020-21).');
    t.text('notes').nullable().comment('Where the rules come from, or why they were edited.');
    t.primary(['league_id', 'from_season'], { constraintName: 'competition_rules_pkey' });
    t.check('league_id >= 0', [], 'competition_rules_league_id_chk');
    t.check('from_season between 1850 and 2100', [], 'competition_rules_from_season_chk');
    t.check('length(btrim(competition)) > 0', [], 'competition_rules_competition_not_empty_chk');
    t.check(`tie_breakers[1] = 'points' and tie_breakers <@ ${allowed} and cardinality(tie_breakers) <= 12`, [], 'competition_rules_tie_breakers_chk');
    t.check('points_per_win > points_per_draw and points_per_draw >= 0', [], 'competition_rules_points_chk');
  });
  await knex('golden.competition_rules').insert(SEEDED_RULES);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('golden').dropTable('competition_rules');
}
