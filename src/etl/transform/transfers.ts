/** /transfers items → transfers rows, with placeholder players and clubs for those not loaded otherwise. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

type Transfers = ItemOf<'transfers'>;

export function transferRows(item: Transfers): Row[] {
  return item.transfers.map((t) => ({
    player_id: item.player.id,
    transfer_date: t.date,
    team_out_id: t.teams.out.id,
    team_in_id: t.teams.in.id,
    type: t.type,
  }));
}

export function teamPlaceholdersOfTransfers(item: Transfers): Row[] {
  // Ids the teams table refuses are left to the transfer row, which is then rejected on its own.
  return item.transfers.flatMap((t) => [t.teams.in, t.teams.out]).filter((team) => team.id > 0).map((team) => ({ team_id: team.id, name: team.name || `Team ${team.id}`, logo_url: team.logo }));
}

export function playerPlaceholdersOfTransfers(item: Transfers): Row[] {
  return item.player.id > 0 ? [{ player_id: item.player.id, name: item.player.name || `Player ${item.player.id}` }] : [];
}
