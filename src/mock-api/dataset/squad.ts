/**
 * A club's players: 25 per squad (3 goalkeepers, 8 defenders, 8 midfielders, 6 attackers), the same
 * in every league and season the club plays, drawn from the club's own random stream.
 */
import { MEDIA, type Team } from './catalog';
import { NATIONS, type Nation } from './names';
import { Rng } from './random';

export type Position = 'Goalkeeper' | 'Defender' | 'Midfielder' | 'Attacker';
export type Pos = 'G' | 'D' | 'M' | 'F';

export const POS_OF: Record<Position, Pos> = { Goalkeeper: 'G', Defender: 'D', Midfielder: 'M', Attacker: 'F' };

export interface Player {
  id: number;
  teamId: number;
  /** The API's display name: `M. Ødegaard`, `Fernandinho` or the full name. */
  name: string;
  /** As `/fixtures/players` spells it: the full name. */
  fullName: string;
  firstname: string;
  lastname: string;
  birthDate: string;
  birthPlace: string | null;
  nationality: string;
  height: string | null;
  weight: string | null;
  number: number;
  position: Position;
  pos: Pos;
  /** 0.5 .. 1.5: how often he starts and how well he plays. */
  quality: number;
  photo: string;
}

const SHAPE: [Position, number][] = [['Goalkeeper', 3], ['Defender', 8], ['Midfielder', 8], ['Attacker', 6]];
export const SQUAD_SIZE = 25;

/** Player ids are a pure function of the club id, so they are stable and never collide. */
export function playerId(teamId: number, slot: number): number {
  return 100_000 + teamId * 50 + slot;
}

export function generateSquad(seed: number, team: Team): Player[] {
  const rng = Rng.of(seed, 'squad', team.id);
  const outfieldNumbers = rng.shuffle(Array.from({ length: 44 }, (_, i) => i + 2).filter((n) => n !== 13 && n !== 31));
  const keeperNumbers = [1, 13, 31];
  const players: Player[] = [];
  for (const [position, count] of SHAPE) {
    for (let k = 0; k < count; k++) {
      const slot = players.length;
      const nation = rng.chance(0.55) ? team.nation : rng.pick(NATIONS);
      const number = position === 'Goalkeeper' ? keeperNumbers[k] : outfieldNumbers.pop();
      players.push(makePlayer(rng, team, slot, position, nation, number ?? slot + 50, k));
    }
  }
  return players;
}

function makePlayer(rng: Rng, team: Team, slot: number, position: Position, nation: Nation, number: number, rankInPosition: number): Player {
  const id = playerId(team.id, slot);
  const firstname = rng.pick(nation.firstNames);
  const lastname = rng.pick(nation.lastNames);
  const mononym = nation.mononyms !== undefined && rng.chance(0.4) ? rng.pick(nation.mononyms) : undefined;
  const name = mononym ?? (rng.chance(0.75) ? `${firstname[0]}. ${lastname}` : `${firstname} ${lastname}`);
  const age = rng.int(17, 35);
  const birthDate = `${2023 - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const tall = position === 'Goalkeeper' ? 8 : position === 'Defender' ? 4 : 0;
  return {
    id, teamId: team.id, name, fullName: mononym ?? `${firstname} ${lastname}`, firstname, lastname, birthDate,
    birthPlace: rng.chance(0.1) ? null : rng.pick(nation.cities),
    nationality: nation.nationality,
    height: rng.chance(0.08) ? null : `${rng.int(170, 190) + tall} cm`,
    weight: rng.chance(0.1) ? null : `${rng.int(64, 84) + Math.floor(tall / 2)} kg`,
    number, position, pos: POS_OF[position],
    // The first names drawn in each position are the regulars; later ones the back-ups.
    quality: 1.4 - rankInPosition * 0.09 + rng.next() * 0.2 - (age < 20 ? 0.2 : 0),
    photo: `${MEDIA}/football/players/${id}.png`,
  };
}

/** Age in whole years on `day` (`YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
