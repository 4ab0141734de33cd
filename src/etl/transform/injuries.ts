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

/** The injured player as a minimal row, for players /players does not list (e.g. left the squad). */
export function playerPlaceholderOfInjury(item: ItemOf<'injuries'>): Row {
  return { player_id: item.player.id, name: item.player.name || `Player ${item.player.id}` };
}
