/** /sidelined items (one player's absences; the player is the request's) → sidelined rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

export function sidelinedRow(playerId: number, item: ItemOf<'sidelined'>): Row {
  return { player_id: playerId, start_date: item.start, end_date: item.end, type: item.type };
}
