/**
 * `/coachs` and `/transfers` of the generated world. A club's coach (catalog) has held his job since a
 * summer before the demo season and had one or two clubs before, some of them outside the catalogue
 * (ids the rest of the API does not know, as the real API's careers often name). About a third of a
 * squad joined the club by a transfer (a fee, a free or a loan), from a club of the world or beyond it.
 * `/sidelined` lists a player's absences: those the injuries of his competitions report, and a few
 * older ones.
 */
import { MEDIA, teamLogo, type Catalog, type Team } from './catalog';
import { nationNamed } from './names';
import { Rng } from './random';
import type { Injury } from './competition';
import type { Player } from './squad';
import { dayOf } from './time';
import type { CoachItem, TeamLogo, TransferItem } from './types';

/** Clubs outside the catalogue that careers and transfers name (the real API's long tail). */
function outsideClub(rng: Rng): TeamLogo {
  const id = rng.int(9000, 9199);
  return { id, name: `${rng.pick(['Real', 'Sporting', 'FC', 'Union', 'Dynamo'])} ${rng.pick(['Oeste', 'Norte', 'Vale', 'Porto Alto', 'Riverside', 'Hillside'])}`, logo: `${MEDIA}/football/teams/${id}.png` };
}

export function coachOf(seed: number, catalog: Catalog, team: Team): CoachItem {
  const rng = Rng.of(seed, 'coach', team.id);
  const [initial, ...rest] = team.coach.name.split(' ');
  const lastname = rest.join(' ');
  const firstname = rng.pick(team.nation.firstNames.filter((n) => n.startsWith(initial!.replace('.', ''))).concat(team.nation.firstNames.slice(0, 1)));
  const born = rng.int(1960, 1985);
  const since = rng.int(2019, 2023);
  const others = [...catalog.teams.values()].filter((t) => t.id !== team.id && t.country === team.country);
  const previous = rng.chance(0.6) && others.length > 0 ? teamLogo(rng.pick(others)) : outsideClub(rng);
  const before = outsideClub(rng);
  const career = [
    { team: teamLogo(team), start: `${since}-07-01`, end: null },
    { team: previous, start: `${since - 3}-07-01`, end: `${since}-05-31` },
    ...(rng.chance(0.5) ? [{ team: before, start: `${since - 6}-07-01`, end: `${since - 3}-05-31` }] : []),
  ];
  return {
    id: team.coach.id, name: team.coach.name, firstname, lastname, age: 2024 - born,
    birth: { date: `${born}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, place: rng.chance(0.2) ? null : rng.pick(nationNamed(team.nation.country).cities), country: team.nation.nationality },
    nationality: team.nation.nationality, height: rng.chance(0.3) ? null : `${rng.int(170, 195)} cm`, weight: rng.chance(0.3) ? null : `${rng.int(65, 95)} kg`,
    photo: team.coach.photo, team: teamLogo(team), career,
  };
}

const FEES = ['€ 250K', '€ 1.5M', '€ 12M', '€ 35M', '€ 600K'];

/** The moves of a club's players into it (and a loan out and back for some), newest first as the API lists them. */
export function transfersOf(seed: number, catalog: Catalog, team: Team, squad: readonly Player[]): TransferItem[] {
  const others = [...catalog.teams.values()].filter((t) => t.id !== team.id);
  return squad.flatMap((player) => {
    const rng = Rng.of(seed, 'transfer', player.id);
    if (!rng.chance(0.35)) return [];
    const from = rng.chance(0.7) ? teamLogo(rng.pick(others)) : outsideClub(rng);
    const year = rng.int(2018, 2023);
    const joined = { date: `${year}-${rng.pick(['07-01', '07-15', '08-20', '01-31'])}`, type: rng.pick([...FEES, 'Free', 'Transfer', 'N/A', null]), teams: { in: teamLogo(team), out: from } };
    const moves = [joined];
    if (rng.chance(0.25)) {
      const loanClub = teamLogo(rng.pick(others));
      moves.unshift({ date: `${year + 1}-06-30`, type: 'Back from Loan', teams: { in: teamLogo(team), out: loanClub } }, { date: `${year}-08-31`, type: 'Loan', teams: { in: loanClub, out: teamLogo(team) } });
      moves.sort((a, b) => (a.date < b.date ? 1 : -1));
    }
    return [{ player: { id: player.id, name: player.name }, update: `${year + 1}-01-02T10:00:00+00:00`, transfers: moves }];
  });
}

const ABSENCES = ['Hamstring Injury', 'Knee Injury', 'Ankle Injury', 'Illness', 'Suspended', 'Muscle Injury'];

export function sidelinedOf(seed: number, player: Player, injuries: readonly Injury[]): { type: string; start: string; end: string | null }[] {
  const rng = Rng.of(seed, 'sidelined', player.id);
  const recent = injuries.map((injury) => {
    const day = dayOf(injury.match.kickoff);
    return { type: injury.reason, start: dayOf(injury.match.kickoff - rng.int(3, 20) * 86_400), end: day };
  });
  const older = Array.from({ length: rng.int(0, 2) }, (_, k) => {
    const year = 2019 + k * 2;
    return { type: rng.pick(ABSENCES), start: `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, end: `${year}-1${rng.int(0, 2)}-0${rng.int(1, 9)}` };
  });
  return [...recent, ...older].sort((a, b) => (a.start < b.start ? 1 : -1));
}
