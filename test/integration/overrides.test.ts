import { expect } from 'chai';
import type { Knex } from 'knex';
import { CURATED_ENTITIES, listOverrides, overridesTheApiAgreesWith, removeOverride, setOverride, type OverrideInput } from '../../src/curation/overrides';
import { testServerKind, useFreshDatabase } from '../support/db';

// Two rows of each entity an override may correct: row 1 as the API sent it, row 2 with a value in
// every column, different from row 1's, which the tests borrow as corrections.
async function loadDataset(knex: Knex): Promise<void> {
  await knex('golden.countries').insert([{ country_name: 'England' }, { country_name: 'France' }]);
  await knex('golden.leagues').insert([
    { league_id: 1, name: 'Premier Leage', type: 'League', country_name: 'England' },
    { league_id: 2, name: 'Coupe de France', type: 'Cup', logo_url: 'https://x/2.png', country_name: 'France' },
  ]);
  await knex('golden.seasons').insert([{ league_id: 1, season: 2023 }, { league_id: 2, season: 2023 }]);
  await knex('golden.venues').insert([
    { venue_id: 1, name: 'Old Trafford' },
    { venue_id: 2, name: 'Parc des Princes', address: '24 Rue du Commandant Guilbaud', city: 'Paris', country_name: 'France', capacity: 47929, surface: 'grass', image_url: 'https://x/v2.png' },
  ]);
  await knex('golden.teams').insert([
    { team_id: 1, name: 'Manchester Utd', venue_id: 1 },
    { team_id: 2, name: 'Paris Saint Germain', code: 'PSG', country_name: 'France', founded: 1970, is_national: true, logo_url: 'https://x/t2.png', venue_id: 2 },
  ]);
  await knex('golden.players').insert([
    { player_id: 1, name: 'M. Rashfrod' },
    {
      player_id: 2, name: 'K. Mbappé', firstname: 'Kylian', lastname: 'Mbappé Lottin', birth_date: '1998-12-20', birth_place: 'Paris', birth_country: 'France',
      nationality: 'France', height_cm: 178, weight_kg: 73, is_injured: true, photo_url: 'https://x/p2.png',
    },
  ]);
  await knex('golden.coaches').insert([
    { coach_id: 1, name: 'E. ten Haag' },
    {
      coach_id: 2, name: 'L. Enrique', firstname: 'Luis', lastname: 'Martínez', birth_date: '1970-05-08', birth_place: 'Gijón', birth_country: 'Spain',
      nationality: 'Spain', height_cm: 180, weight_kg: 70, photo_url: 'https://x/c2.png', team_id: 2,
    },
  ]);
  const fixture = { league_id: 1, season: 2023, home_team_id: 1, away_team_id: 2 };
  await knex('golden.fixtures').insert([
    { ...fixture, fixture_id: 1, round: 'Regular Season - 1', kickoff_at: '2023-08-12T14:00:00Z', status_short: 'FT', goals_home: 1, goals_away: 0, home_winner: true, away_winner: false },
    {
      ...fixture, fixture_id: 2, round: 'Regular Season - 2', kickoff_at: '2023-08-19T19:45:00Z', referee: 'A. Taylor, England', venue_id: 2, venue_name: 'Parc',
      venue_city: 'Paris', status_short: 'AET', status_long: 'Match Finished After Extra Time', elapsed: 120, status_extra: 3, first_half_at: '2023-08-19T19:45:00Z',
      second_half_at: '2023-08-19T20:50:00Z', home_winner: false, away_winner: false, goals_home: 2, goals_away: 3, halftime_home: 0, halftime_away: 1,
      fulltime_home: 2, fulltime_away: 2, extratime_home: 0, extratime_away: 1, penalty_home: 4, penalty_away: 5, has_standings: true,
      referee_name: 'A. Taylor', referee_country: 'England',
    },
  ]);
}

const input = (over: Partial<OverrideInput>): OverrideInput => ({ entity: 'team', id: 1, field: 'name', value: 'Manchester United', reason: 'the club\'s own name', author: 'tester', ...over });

async function overrideCount(knex: Knex): Promise<number> {
  return Number((await knex('golden.overrides').count({ n: '*' }))[0]!.n);
}

async function goldenRowsText(knex: Knex): Promise<string> {
  const parts = [];
  for (const e of CURATED_ENTITIES) parts.push((await knex.raw(`select string_agg(t::text, '|' order by t::text) as t from golden.${e.table} t`)).rows[0].t);
  return parts.join('\n');
}

describe(`overrides: corrections the marts show over the golden values (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('overrides', { migrate: true });
  before(async () => loadDataset(ctx.db.knex));
  afterEach(async () => ctx.db.knex('golden.overrides').delete());

  it('every field an override may change shows in its mart as its column\'s type, and the golden row keeps the API\'s value', async () => {
    const { knex } = ctx.db;
    const before = await goldenRowsText(knex);
    const shown: string[] = [];
    for (const entity of CURATED_ENTITIES) {
      const [source] = (await knex.raw(`select to_jsonb(t) as row from golden.${entity.table} t where ${entity.key} = 2`)).rows;
      const fields = Object.keys(source.row).filter((f) => f !== entity.key && !(f in entity.fixed));
      for (const field of fields) {
        const value = source.row[field] as unknown;
        expect(value, `${entity.table}.${field} of row 2`).to.not.equal(null);
        await setOverride(knex, input({ entity: entity.singular, id: 1, field, value: typeof value === 'string' ? value : JSON.stringify(value) }));
        const [mart] = (await knex.raw(`select to_jsonb(m) -> ? as value from marts.${entity.table} m where ${entity.key} = 1`, [field])).rows;
        expect(mart.value, `marts.${entity.table}.${field}`).to.deep.equal(value);
        shown.push(`${entity.table}.${field}`);
        await removeOverride(knex, entity.table, 1, field);
      }
      const [plain] = (await knex.raw(`select to_jsonb(m) - 'overridden_fields' as row from marts.${entity.table} m where ${entity.key} = 1`)).rows;
      const [golden] = (await knex.raw(`select to_jsonb(t) as row from golden.${entity.table} t where ${entity.key} = 1`)).rows;
      expect(plain.row, `marts.${entity.table} without overrides`).to.deep.equal(golden.row);
    }
    expect(shown).to.include.members(['teams.name', 'players.birth_date', 'fixtures.goals_home', 'fixtures.kickoff_at', 'venues.capacity', 'leagues.type', 'coaches.team_id']);
    expect(await goldenRowsText(knex)).to.equal(before);
  });

  it('names the overridden fields of a row, and shows several corrections of one row together', async () => {
    const { knex } = ctx.db;
    await setOverride(knex, input({ field: 'name' }));
    await setOverride(knex, input({ field: 'founded', value: '1878' }));
    const [team] = (await knex.raw('select name, founded, overridden_fields from marts.teams where team_id = 1')).rows;
    expect(team).to.deep.equal({ name: 'Manchester United', founded: 1878, overridden_fields: ['founded', 'name'] });
    expect((await knex.raw('select overridden_fields from marts.teams where team_id = 2')).rows).to.deep.equal([{ overridden_fields: [] }]);
  });

  it('refuses an unknown entity, id or field, an id or a column that places a fixture, a value of the wrong type or against a constraint, and writes nothing', async () => {
    const { knex } = ctx.db;
    await setOverride(knex, input({ entity: 'fixture', id: 1, field: 'home_winner', value: 'false' }));
    const before = await goldenRowsText(knex);
    const refused: Array<[Partial<OverrideInput>, RegExp]> = [
      [{ entity: 'stadium' }, /unknown entity "stadium": overrides correct league \(leagues\), venue \(venues\), team \(teams\)/],
      [{ id: 999 }, /no team 999 in golden\.teams/],
      [{ field: 'nmae' }, /golden\.teams has no column "nmae"; an override may correct name, code, country_name/],
      [{ field: 'team_id', value: '3' }, /teams\.team_id is the team's id: it cannot be overridden/],
      [{ entity: 'fixtures', field: 'league_id', value: '2' }, /fixtures\.league_id cannot be overridden: it places the fixture/],
      [{ field: 'founded', value: '18th century' }, /team founded: "18th century" is not a valid integer \(PostgreSQL: invalid input syntax for type integer/],
      [{ field: 'founded', value: '1700' }, /team 1 founded = "1700" is refused by golden\.teams: violates teams_founded_range_chk: .* \(the rule: CHECK .*1800.*\)/],
      [{ field: 'venue_id', value: '99' }, /refused by golden\.teams: violates teams_venue_fk: .*Key \(venue_id\)=\(99\) is not present in table "venues"\. \(the rule: FOREIGN KEY \(venue_id\) REFERENCES golden\.venues/],
      [{ entity: 'player', field: 'birth_date', value: '2999-01-01' }, /players_birth_date_range_chk/],
      [{ entity: 'fixture', field: 'goals_home', value: '70000' }, /"70000" is not a valid smallint \(PostgreSQL: value "70000" is out of range for type smallint\)/],
      [{ entity: 'fixture', field: 'status_short', value: 'XYZ' }, /fixtures_status_fk/],
      [{ reason: '  ' }, /an override needs a reason/],
    ];
    for (const [over, expected] of refused) {
      const error = await setOverride(knex, input(over)).then(() => null, (err: Error) => err);
      expect(error?.name, JSON.stringify(over)).to.equal('ConfigError');
      expect(error?.message, JSON.stringify(over)).to.match(expected);
    }
    expect(await overrideCount(knex)).to.equal(1);
    expect(await goldenRowsText(knex)).to.equal(before);
  });

  it('judges a value together with the row\'s other overrides, as the marts will show them', async () => {
    const { knex } = ctx.db;
    const fixture = (field: string, value: string) => input({ entity: 'fixture', id: 1, field, value });
    // The API says the home side won: the away side did, on the referee's report.
    expect(String(await setOverride(knex, fixture('away_winner', 'true')).catch((err: Error) => err))).to.match(/fixtures_single_winner_chk/);
    await setOverride(knex, fixture('home_winner', 'false'));
    await setOverride(knex, fixture('away_winner', 'true'));
    expect(String(await setOverride(knex, fixture('home_winner', 'true')).catch((err: Error) => err))).to.match(/fixtures_single_winner_chk/);
    expect((await knex.raw('select home_winner, away_winner from marts.fixtures where fixture_id = 1')).rows).to.deep.equal([{ home_winner: false, away_winner: true }]);
  });

  it('keeps values in canonical form, so they read back the same in any session time zone', async () => {
    const { knex } = ctx.db;
    const result = await setOverride(knex, input({ entity: 'fixture', id: 1, field: 'kickoff_at', value: '2023-08-12 18:30+02' }));
    expect(result.override.value).to.equal('2023-08-12T16:30:00+00:00');
    await knex.transaction(async (trx) => {
      await trx.raw("set local timezone to 'America/New_York'");
      const [row] = (await trx.raw('select kickoff_at from marts.fixtures where fixture_id = 1')).rows;
      expect(row.kickoff_at.toISOString()).to.equal('2023-08-12T16:30:00.000Z');
    });
  });

  it('replaces an override of the same field, and removing it restores the API\'s value', async () => {
    const { knex } = ctx.db;
    await setOverride(knex, input({ value: 'Man Utd' }));
    const again = await setOverride(knex, input({ value: 'Manchester United', author: 'second' }));
    expect(again.replaced).to.equal('Man Utd');
    expect((await listOverrides(knex, 'team')).map((o) => [o.value, o.author])).to.deep.equal([['Manchester United', 'second']]);
    const removed = await removeOverride(knex, 'teams', 1, 'name');
    expect(removed.value).to.equal('Manchester United');
    expect((await knex.raw('select name from marts.teams where team_id = 1')).rows).to.deep.equal([{ name: 'Manchester Utd' }]);
    expect(String(await removeOverride(knex, 'teams', 1, 'name').catch((err: Error) => err))).to.match(/ConfigError: no override of team 1 name/);
  });

  it('reports the overrides the API now agrees with, compared as the column\'s type', async () => {
    const { knex } = ctx.db;
    await setOverride(knex, input({ entity: 'player', field: 'name', value: 'M. Rashford' }));
    await setOverride(knex, input({ entity: 'venue', field: 'capacity', value: '74310' }));
    await setOverride(knex, input({ entity: 'fixture', field: 'kickoff_at', value: '2023-08-12 17:00+02' }));
    expect(await overridesTheApiAgreesWith(knex)).to.deep.equal([]);
    // The API catches up: the same name, the same number written differently, the same instant in another zone.
    await knex('golden.players').where({ player_id: 1 }).update({ name: 'M. Rashford' });
    await knex('golden.venues').where({ venue_id: 1 }).update({ capacity: 74310 });
    await knex('golden.fixtures').where({ fixture_id: 1 }).update({ kickoff_at: '2023-08-12T16:00:00+01:00' });
    const agreed = await overridesTheApiAgreesWith(knex);
    expect(agreed.map((o) => `${o.entity} ${o.entity_id} ${o.field}`)).to.deep.equal(['fixtures 1 kickoff_at', 'players 1 name', 'venues 1 capacity']);
    const listed = await listOverrides(knex);
    expect(listed.every((o) => o.api_agrees)).to.equal(true);
    expect(listed.find((o) => o.field === 'capacity')?.api_value).to.equal('74310');
  });
});
