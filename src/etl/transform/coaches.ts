/** /coachs items → coaches and coach_tenures rows, and placeholder teams for clubs of their careers. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { toDate, toMeasure } from './parse';

type Coach = ItemOf<'coachs'>;

export function coachRow(item: Coach): Row {
  return {
    coach_id: item.id,
    name: item.name || [item.firstname, item.lastname].filter(Boolean).join(' ') || `Coach ${item.id}`,
    firstname: item.firstname,
    lastname: item.lastname,
    birth_date: toDate(item.birth.date),
    birth_place: item.birth.place,
    birth_country: item.birth.country,
    nationality: item.nationality,
    height_cm: toMeasure(item.height, 'cm'),
    weight_kg: toMeasure(item.weight, 'kg'),
    photo_url: item.photo,
    team_id: item.team?.id ?? null,
  };
}

export function tenureRows(item: Coach): Row[] {
  return item.career.map((job) => ({ coach_id: item.id, team_id: job.team.id, start_date: job.start, end_date: job.end }));
}

/** Every club a coach names (now, and in his career), as a minimal team row. */
export function teamPlaceholdersOfCoach(item: Coach): Row[] {
  const refs = [...(item.team ? [item.team] : []), ...item.career.map((job) => job.team)];
  return refs.filter((t) => t.id > 0).map((t) => ({ team_id: t.id, name: t.name || `Team ${t.id}`, logo_url: t.logo }));
}
