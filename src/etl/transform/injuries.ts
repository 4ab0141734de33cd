/** /injuries items → injuries rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

export function injuryRow(item: ItemOf<'injuries'>): Row {
  return {
    fixture_id: item.fixture.id,
    player_id: item.player.id,
    team_id: item.team.id,
    type: item.player.type,
    reason: item.player.reason,
  };
}
