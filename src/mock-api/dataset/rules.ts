/**
 * How the mock's competitions rank teams level on points, as the real API's standings follow each
 * competition's regulations. The same criteria as the seed of golden.competition_rules
 * (migrations/20261130000200_create_competition_rules.ts) for the competitions the mock serves, so
 * that marts.league_table reconciles with the mock's /standings; any other league ranks by the
 * default. Criteria are higher-is-better; h2h_ ones count the matches among the teams level on every
 * criterion before the first h2h_ one.
 */
import { CUP_ID, PREMIER_LEAGUE_ID } from './catalog';

export type Criterion =
  | 'points' | 'goal_diff' | 'goals_for' | 'away_goals' | 'wins' | 'away_wins'
  | 'h2h_points' | 'h2h_goal_diff' | 'h2h_goals_for' | 'h2h_away_goals';

export const DEFAULT_CRITERIA: readonly Criterion[] = ['points', 'goal_diff', 'goals_for'];

const PREMIER_LEAGUE: readonly Criterion[] = ['points', 'goal_diff', 'goals_for', 'h2h_points', 'h2h_away_goals'];
const UEFA_TO_2020: readonly Criterion[] = ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'h2h_away_goals', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];
const UEFA_2021: readonly Criterion[] = ['points', 'h2h_points', 'h2h_goal_diff', 'h2h_goals_for', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];
const UEFA_2024: readonly Criterion[] = ['points', 'goal_diff', 'goals_for', 'away_goals', 'wins', 'away_wins'];

/** The ranking criteria of a league-season of the mock. */
export function criteriaOf(leagueId: number, season: number): readonly Criterion[] {
  if (leagueId === PREMIER_LEAGUE_ID) return PREMIER_LEAGUE;
  if (leagueId === CUP_ID) return season >= 2024 ? UEFA_2024 : season >= 2021 ? UEFA_2021 : UEFA_TO_2020;
  return DEFAULT_CRITERIA;
}
