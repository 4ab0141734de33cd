/** /standings items (groups of rows) → standings rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

type Standings = ItemOf<'standings'>;
type Record_ = Standings['league']['standings'][number][number]['all'];

function split(prefix: string, r: Record_): Row {
  return {
    [`${prefix}_played`]: r.played,
    [`${prefix}_won`]: r.win,
    [`${prefix}_drawn`]: r.draw,
    [`${prefix}_lost`]: r.lose,
    [`${prefix}_goals_for`]: r.goals.for,
    [`${prefix}_goals_against`]: r.goals.against,
  };
}

export function standingRows(item: Standings): Row[] {
  const l = item.league;
  return l.standings.flatMap((group) =>
    group.map((r) => ({
      league_id: l.id,
      season: l.season,
      // Without a label the league's name stands in, as the API does for single-table leagues.
      group_name: r.group ?? l.name,
      team_id: r.team.id,
      rank: r.rank,
      points: r.points,
      goals_diff: r.goalsDiff,
      form: r.form,
      status: r.status,
      description: r.description,
      ...split('all', r.all),
      ...split('home', r.home),
      ...split('away', r.away),
      api_updated_at: r.update,
    })),
  );
}
