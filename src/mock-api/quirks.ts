/**
 * Quirks of the real API-Football that its users report, which the mock reproduces on demand
 * (`--quirks a,b` or `quirks: [...]`) so the ETL can be tested against them. Each is a pure
 * transformation of what the mock would otherwise serve:
 *
 * - `friendly-blocks`: `/players` items also carry a statistics block for club friendlies, with a
 *   null league id and the season as a string, after the league's own block for the same team.
 * - `shootout-comments-null`: penalty shoot-out kicks come with `comments: null`, as in older data,
 *   so only the status, the minute and the penalty score tell them apart.
 * - `null-lineup-player`: now and then a substitute the API does not know is listed with `id: null`.
 * - `late-corrections`: a finished match's details settle after the final whistle, without the
 *   score changing: for three hours there are no player statistics yet, and until a day after
 *   kick-off one substitution has its two players swapped.
 */
import { ConfigError } from '../errors';
import type { Match } from './dataset/competition';
import type { FixtureDetails, PlayerSeasonStats } from './dataset/types';

export const QUIRKS = ['friendly-blocks', 'shootout-comments-null', 'null-lineup-player', 'late-corrections'] as const;
export type Quirk = (typeof QUIRKS)[number];

export function parseQuirks(text: string | readonly string[] | undefined): Set<Quirk> {
  const names = typeof text === 'string' ? text.split(',').map((s) => s.trim()).filter((s) => s !== '') : [...(text ?? [])];
  for (const name of names) {
    if (!(QUIRKS as readonly string[]).includes(name)) throw new ConfigError(`unknown quirk "${name}" (known: ${QUIRKS.join(', ')})`);
  }
  return new Set(names as Quirk[]);
}

const HOUR = 3600;
/** Player statistics appear this long after kick-off. */
export const PLAYER_STATS_DELAY = 3 * HOUR;
/** The swapped substitution is corrected this long after kick-off. */
export const SUBSTITUTION_FIX_DELAY = 26 * HOUR;

/** A fixture's details as the API shows them at `asOf`, with the quirks on. */
export function quirkyDetails(match: Match, details: FixtureDetails, asOf: number, quirks: ReadonlySet<Quirk>): FixtureDetails {
  if (quirks.size === 0 || details.events.length + details.lineups.length === 0) return details;
  let out = details;
  const edit = () => (out === details ? (out = structuredClone(details)) : out);
  if (quirks.has('shootout-comments-null')) {
    for (const event of edit().events) if (event.comments === 'Penalty Shootout') event.comments = null;
  }
  if (quirks.has('null-lineup-player') && match.id % 25 === 0) {
    const lineup = edit().lineups[0];
    const last = lineup?.substitutes[lineup.substitutes.length - 1];
    if (last) (last.player as { id: number | null }).id = null;
  }
  if (quirks.has('late-corrections')) {
    const age = asOf - match.kickoff;
    if (age < PLAYER_STATS_DELAY) edit().players = [];
    if (age < SUBSTITUTION_FIX_DELAY) {
      const sub = edit().events.find((e) => e.type === 'subst');
      if (sub) [sub.player, sub.assist] = [sub.assist, sub.player];
    }
  }
  return out;
}

/** A player's season statistics blocks, with the quirks on. */
export function quirkyPlayerStatistics(playerId: number, blocks: PlayerSeasonStats[], quirks: ReadonlySet<Quirk>): unknown[] {
  if (!quirks.has('friendly-blocks') || playerId % 3 !== 0 || blocks.length === 0) return blocks;
  const own = blocks[0]!;
  const friendly = {
    ...structuredClone(own),
    league: { id: null, name: 'Friendlies Clubs', country: 'World', logo: 'https://media.api-sports.io/football/leagues/667.png', flag: null, season: String(own.league.season) },
    games: { ...own.games, appearences: 1, lineups: 1, minutes: 45, rating: '6.5' },
    goals: { ...own.goals, total: 3, assists: 2 },
  };
  return [...blocks, friendly];
}
