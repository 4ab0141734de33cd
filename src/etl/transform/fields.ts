/**
 * Every field of every item we load is decided: mapped to a column, or ignored with a reason. The
 * field test walks the real recorded samples and fails on any field nobody decided on, so a new
 * key the API adds gets a decision instead of silently vanishing. Paths use `[]` for array items.
 */
export interface FieldDecisions {
  mapped: string[];
  ignored: Record<string, string>;
}

const expand = (prefix: string, keys: string[]) => keys.map((k) => `${prefix}.${k}`);
const OWNED_BY_TEAMS = 'teams stream owns team names and logos';
const OWNED_BY_LEAGUES = 'leagues stream owns competition names, countries and logos';

const fixtureCore: FieldDecisions = {
  mapped: [
    ...expand('fixture', ['id', 'referee', 'timestamp', 'periods.first', 'periods.second', 'venue.id', 'venue.name', 'venue.city', 'status.long', 'status.short', 'status.elapsed', 'status.extra']),
    ...expand('league', ['id', 'season', 'round', 'standings']),
    'teams.home.id', 'teams.away.id', 'teams.home.winner', 'teams.away.winner',
    'goals.home', 'goals.away',
    ...['halftime', 'fulltime', 'extratime', 'penalty'].flatMap((p) => [`score.${p}.home`, `score.${p}.away`]),
  ],
  ignored: {
    'fixture.timezone': 'only the rendering zone of fixture.date; kickoff_at is stored from the timestamp',
    'fixture.date': 'the same instant as fixture.timestamp, rendered in fixture.timezone',
    'league.name': OWNED_BY_LEAGUES, 'league.country': OWNED_BY_LEAGUES, 'league.logo': OWNED_BY_LEAGUES, 'league.flag': OWNED_BY_LEAGUES,
    'teams.home.name': OWNED_BY_TEAMS, 'teams.home.logo': OWNED_BY_TEAMS, 'teams.away.name': OWNED_BY_TEAMS, 'teams.away.logo': OWNED_BY_TEAMS,
  },
};

const event: FieldDecisions = {
  mapped: ['time.elapsed', 'time.extra', 'team.id', 'player.id', 'player.name', 'assist.id', 'assist.name', 'type', 'detail', 'comments'],
  ignored: { 'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS },
};

const lineupPlayer = ['id', 'name', 'number', 'pos', 'grid'];
const lineup: FieldDecisions = {
  mapped: [
    'team.id', 'formation', 'coach.id', 'coach.name', 'coach.photo',
    ...['player', 'goalkeeper'].flatMap((who) => ['primary', 'number', 'border'].map((c) => `team.colors.${who}.${c}`)),
    ...expand('startXI[].player', lineupPlayer), ...expand('substitutes[].player', lineupPlayer),
  ],
  ignored: { 'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS },
};

const teamStats: FieldDecisions = {
  mapped: ['team.id', 'statistics[].type', 'statistics[].value', 'statistics_1h[].type', 'statistics_1h[].value', 'statistics_2h[].type', 'statistics_2h[].value'],
  ignored: { 'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS },
};

const matchCounters = [
  'games.minutes', 'games.number', 'games.position', 'games.rating', 'games.captain', 'games.substitute', 'offsides',
  'shots.total', 'shots.on', 'goals.total', 'goals.conceded', 'goals.assists', 'goals.saves', 'passes.total', 'passes.key', 'passes.accuracy',
  'tackles.total', 'tackles.blocks', 'tackles.interceptions', 'duels.total', 'duels.won', 'dribbles.attempts', 'dribbles.success', 'dribbles.past',
  'fouls.drawn', 'fouls.committed', 'cards.yellow', 'cards.red', 'penalty.won', 'penalty.commited', 'penalty.scored', 'penalty.missed', 'penalty.saved',
];
const playerStats: FieldDecisions = {
  mapped: ['team.id', 'players[].player.id', 'players[].player.name', ...expand('players[].statistics[]', matchCounters)],
  ignored: {
    'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS,
    'team.update': 'when the API last touched the block; not a fact about the match',
    'players[].player.photo': 'players stream owns photos',
  },
};

const prefixed = (prefix: string, d: FieldDecisions): FieldDecisions => ({
  mapped: d.mapped.map((p) => `${prefix}.${p}`),
  ignored: Object.fromEntries(Object.entries(d.ignored).map(([k, v]) => [`${prefix}.${k}`, v])),
});

function merge(...parts: FieldDecisions[]): FieldDecisions {
  return { mapped: parts.flatMap((p) => p.mapped), ignored: Object.assign({}, ...parts.map((p) => p.ignored)) };
}

const seasonCounters = [
  'games.appearences', 'games.lineups', 'games.minutes', 'games.number', 'games.position', 'games.rating', 'games.captain',
  'substitutes.in', 'substitutes.out', 'substitutes.bench', 'shots.total', 'shots.on', 'goals.total', 'goals.conceded', 'goals.assists', 'goals.saves',
  'passes.total', 'passes.key', 'passes.accuracy', 'tackles.total', 'tackles.blocks', 'tackles.interceptions', 'duels.total', 'duels.won',
  'dribbles.attempts', 'dribbles.success', 'dribbles.past', 'fouls.drawn', 'fouls.committed', 'cards.yellow', 'cards.yellowred', 'cards.red',
  'penalty.won', 'penalty.commited', 'penalty.scored', 'penalty.missed', 'penalty.saved',
];

const standingRecord = ['played', 'win', 'draw', 'lose', 'goals.for', 'goals.against'];

export const FIELD_DECISIONS: Record<string, FieldDecisions> = {
  countries: { mapped: ['name', 'code', 'flag'], ignored: {} },
  leagues: {
    mapped: [
      'league.id', 'league.name', 'league.type', 'league.logo', 'country.name', 'country.code', 'country.flag',
      ...expand('seasons[]', ['year', 'start', 'end', 'current']),
      ...expand('seasons[].coverage', ['fixtures.events', 'fixtures.lineups', 'fixtures.statistics_fixtures', 'fixtures.statistics_players', 'standings', 'players', 'top_scorers', 'top_assists', 'top_cards', 'injuries', 'predictions', 'odds']),
    ],
    ignored: {},
  },
  teams: {
    mapped: [...expand('team', ['id', 'name', 'code', 'country', 'founded', 'national', 'logo']), ...expand('venue', ['id', 'name', 'address', 'city', 'capacity', 'surface', 'image'])],
    ignored: {},
  },
  venues: { mapped: ['id', 'name', 'address', 'city', 'country', 'capacity', 'surface', 'image'], ignored: {} },
  players: {
    mapped: [
      ...expand('player', ['id', 'name', 'firstname', 'lastname', 'birth.date', 'birth.place', 'birth.country', 'nationality', 'height', 'weight', 'injured', 'photo']),
      'statistics[].team.id', 'statistics[].league.id', 'statistics[].league.season', ...expand('statistics[]', seasonCounters),
    ],
    ignored: {
      'player.age': 'derived from birth.date and the day of the request; stored birth_date instead',
      'statistics[].team.name': OWNED_BY_TEAMS, 'statistics[].team.logo': OWNED_BY_TEAMS,
      'statistics[].league.name': OWNED_BY_LEAGUES, 'statistics[].league.country': OWNED_BY_LEAGUES,
      'statistics[].league.logo': OWNED_BY_LEAGUES, 'statistics[].league.flag': OWNED_BY_LEAGUES,
    },
  },
  fixtures: merge(fixtureCore, prefixed('events[]', event), prefixed('lineups[]', lineup), prefixed('statistics[]', teamStats), prefixed('players[]', playerStats)),
  'fixtures/events': event,
  'fixtures/lineups': lineup,
  'fixtures/statistics': teamStats,
  'fixtures/players': playerStats,
  standings: {
    mapped: [
      'league.id', 'league.season', 'league.name',
      ...expand('league.standings[][]', ['rank', 'team.id', 'points', 'goalsDiff', 'group', 'form', 'status', 'description', 'update']),
      ...['all', 'home', 'away'].flatMap((s) => expand(`league.standings[][].${s}`, standingRecord)),
    ],
    ignored: {
      'league.country': OWNED_BY_LEAGUES, 'league.logo': OWNED_BY_LEAGUES, 'league.flag': OWNED_BY_LEAGUES,
      'league.standings[][].team.name': OWNED_BY_TEAMS, 'league.standings[][].team.logo': OWNED_BY_TEAMS,
    },
  },
  'fixtures/rounds': { mapped: [''], ignored: {} },
  'players/squads': {
    mapped: ['team.id', 'players[].id', 'players[].name', 'players[].number', 'players[].position', 'players[].photo'],
    ignored: { 'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS, 'players[].age': 'derived from the birth date and the day of the request; /players owns birth dates' },
  },
  coachs: {
    mapped: [
      'id', 'name', 'firstname', 'lastname', 'birth.date', 'birth.place', 'birth.country', 'nationality', 'height', 'weight', 'photo', 'team.id',
      'career[].team.id', 'career[].start', 'career[].end',
      // Clubs a career names that nothing else loads become placeholder teams with these.
      'team.name', 'team.logo', 'career[].team.name', 'career[].team.logo',
    ],
    ignored: { age: 'derived from birth.date and the day of the request' },
  },
  transfers: {
    mapped: [
      'player.id', 'player.name', 'transfers[].date', 'transfers[].type', 'transfers[].teams.in.id', 'transfers[].teams.out.id',
      // Clubs a transfer names that nothing else loads become placeholder teams with these.
      'transfers[].teams.in.name', 'transfers[].teams.in.logo', 'transfers[].teams.out.name', 'transfers[].teams.out.logo',
    ],
    ignored: { update: 'when the API last touched the player\'s list; not a fact about a transfer' },
  },
  injuries: {
    mapped: ['player.id', 'player.type', 'player.reason', 'team.id', 'fixture.id'],
    ignored: {
      'player.name': 'players stream owns names', 'player.photo': 'players stream owns photos',
      'team.name': OWNED_BY_TEAMS, 'team.logo': OWNED_BY_TEAMS,
      'fixture.timezone': 'fixtures stream owns kick-off times', 'fixture.date': 'fixtures stream owns kick-off times', 'fixture.timestamp': 'fixtures stream owns kick-off times',
      'league.id': 'the request\'s league-season', 'league.season': 'the request\'s league-season',
      'league.name': OWNED_BY_LEAGUES, 'league.country': OWNED_BY_LEAGUES, 'league.logo': OWNED_BY_LEAGUES, 'league.flag': OWNED_BY_LEAGUES,
    },
  },
};

/** Leaf paths of a JSON value, arrays written `[]`; an empty object or array is a leaf too. */
export function leafPaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      if (v.length === 0) out.add(path);
      for (const x of v) walk(x, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      if (entries.length === 0) out.add(path);
      for (const [k, x] of entries) walk(x, path ? `${path}.${k}` : k);
    } else {
      out.add(path);
    }
  };
  walk(value, prefix);
  return out;
}
