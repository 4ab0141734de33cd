/** /teams items → venues, teams, team_seasons rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';

type Team = ItemOf<'teams'>;

/** The team's venue; null when the API gives none (venue.id null, e.g. youth teams). */
export function venueRowOfTeam(item: Team): Row | null {
  const v = item.venue;
  if (v.id === null) return null;
  return { venue_id: v.id, name: v.name, address: v.address, city: v.city, country_name: null, capacity: v.capacity, surface: v.surface, image_url: v.image };
}

export function teamRow(item: Team): Row {
  const t = item.team;
  return {
    team_id: t.id,
    name: t.name,
    code: t.code,
    country_name: t.country,
    founded: t.founded,
    is_national: t.national,
    logo_url: t.logo,
    venue_id: item.venue.id,
  };
}

export function teamSeasonRow(item: Team, leagueId: number, season: number): Row {
  return { league_id: leagueId, season, team_id: item.team.id };
}

export function venueRow(item: ItemOf<'venues'>): Row {
  return { venue_id: item.id, name: item.name, address: item.address, city: item.city, country_name: item.country, capacity: item.capacity, surface: item.surface, image_url: item.image };
}
