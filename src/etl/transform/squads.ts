/** /players/squads items → squad_players rows, and placeholder players for those /players never listed. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

type Squad = ItemOf<'players/squads'>;

const POSITIONS = new Set(['Goalkeeper', 'Defender', 'Midfielder', 'Attacker']);

export function squadPlayerRows(item: Squad): Row[] {
  return item.players.map((p) => ({
    team_id: item.team.id,
    player_id: p.id,
    shirt_number: p.number,
    // Anything else is a position this table does not know: kept out rather than guessed.
    position: p.position !== null && POSITIONS.has(p.position) ? p.position : null,
  }));
}

export function playerPlaceholdersOfSquad(item: Squad): Row[] {
  return item.players.filter((p) => p.id > 0).map((p) => ({ player_id: p.id, name: p.name || `Player ${p.id}`, photo_url: p.photo }));
}
