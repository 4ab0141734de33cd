import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServerKind, useFreshDatabase } from '../support/db';

const HISTORISED = ['leagues', 'venues', 'teams', 'players', 'fixtures', 'standings', 'squad_players'];

/**
 * Runs fn in its own transaction and returns that transaction's start, the valid_from of what it
 * writes, as ISO text: PostgreSQL keeps microseconds, a Date only milliseconds.
 */
async function at(knex: Knex, fn: (trx: Knex.Transaction) => Promise<unknown>): Promise<string> {
  return knex.transaction(async (trx) => {
    await fn(trx);
    return (await trx.raw("select to_json(now()) #>> '{}' as now")).rows[0].now as string;
  });
}

/** As node-postgres reads a timestamptz: a Date, to the millisecond. */
const date = (iso: string) => new Date(iso);
const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1);
/** Halfway between two of PostgreSQL's timestamps, to the microsecond (two transactions may start within one millisecond). */
async function between(knex: Knex, a: string, b: string): Promise<string> {
  return (await knex.raw("select to_json(?::timestamptz + (?::timestamptz - ?::timestamptz) / 2) #>> '{}' as at", [a, b, a])).rows[0].at as string;
}

async function versions(knex: Knex, table: string, where: Record<string, unknown>, columns: string[]) {
  return knex(`history.${table}_history`).where(where).orderBy('version_id').select([...columns, 'valid_from', 'valid_to']);
}

describe(`history: every version of the golden parents, by triggers (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('history', { migrate: true });
  before(async () => {
    const { knex } = ctx.db;
    await knex('golden.countries').insert({ country_name: 'England' });
    await knex('golden.leagues').insert({ league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' });
    await knex('golden.seasons').insert({ league_id: 39, season: 2023 });
    await knex('golden.teams').insert([{ team_id: 1, name: 'Arsenal' }, { team_id: 2, name: 'Brighton' }, { team_id: 3, name: 'Chelsea' }]);
  });

  it('keeps a version per insert and update, and closes it on delete, each valid from its transaction to the next one', async () => {
    const { knex } = ctx.db;
    const inserted = await at(knex, (trx) => trx('golden.venues').insert({ venue_id: 7, name: 'Emirates Stadium', capacity: 60000 }));
    const updated = await at(knex, (trx) => trx('golden.venues').where({ venue_id: 7 }).update({ capacity: 60704 }));
    const deleted = await at(knex, (trx) => trx('golden.venues').where({ venue_id: 7 }).delete());
    expect(await versions(knex, 'venues', { venue_id: 7 }, ['name', 'capacity'])).to.deep.equal([
      { name: 'Emirates Stadium', capacity: 60000, valid_from: date(inserted), valid_to: date(updated) },
      { name: 'Emirates Stadium', capacity: 60704, valid_from: date(updated), valid_to: date(deleted) },
    ]);
  });

  it('records what a row looked like at any time: the version valid then', async () => {
    const { knex } = ctx.db;
    const first = await at(knex, (trx) => trx('golden.players').insert({ player_id: 9, name: 'G. Jesus', height_cm: 175 }));
    const second = await at(knex, (trx) => trx('golden.players').where({ player_id: 9 }).update({ name: 'Gabriel Jesus' }));
    const asOf = async (t: Date | string) =>
      (await knex('history.players_history').where({ player_id: 9 }).where('valid_from', '<=', t).where((q) => q.whereNull('valid_to').orWhere('valid_to', '>', t)).pluck('name'));
    expect(await asOf(first)).to.deep.equal(['G. Jesus']);
    expect(await asOf(await between(knex, first, second))).to.deep.equal(['G. Jesus']);
    expect(await asOf(second)).to.deep.equal(['Gabriel Jesus']);
    expect(await asOf(justBefore(first))).to.deep.equal([]);
  });

  it('an upsert of many rows, as the ETL writes them, versions only the rows it changed', async () => {
    const { knex } = ctx.db;
    const upsert = (names: Array<[number, string]>) =>
      knex.raw(
        `insert into golden.teams as t (team_id, name) select * from unnest(?::int[], ?::text[])
         on conflict (team_id) do update set name = excluded.name where (t.name) is distinct from (excluded.name)`,
        [names.map(([id]) => id), names.map(([, n]) => n)],
      );
    const before = Number((await knex('history.teams_history').count({ n: '*' }))[0]!.n);
    await upsert([[1, 'Arsenal'], [2, 'Brighton & Hove Albion'], [3, 'Chelsea'], [4, 'Everton']]);
    const rows = await knex('history.teams_history').orderBy('version_id').select('team_id', 'name', 'valid_to');
    expect(rows.length - before).to.equal(2);
    const current = rows.filter((r) => r.valid_to === null).map((r) => [r.team_id, r.name]).sort(([a], [b]) => a - b);
    expect(current).to.deep.equal([[1, 'Arsenal'], [2, 'Brighton & Hove Albion'], [3, 'Chelsea'], [4, 'Everton']]);
  });

  it('keeps no version that lived only inside one transaction, and closes every current one on TRUNCATE', async () => {
    const { knex } = ctx.db;
    await at(knex, async (trx) => {
      await trx('golden.venues').insert({ venue_id: 8, name: 'Amex' });
      await trx('golden.venues').where({ venue_id: 8 }).update({ name: 'American Express Stadium' });
    });
    expect((await versions(knex, 'venues', { venue_id: 8 }, ['name'])).map((v) => v.name)).to.deep.equal(['American Express Stadium']);
    const standing = { league_id: 39, season: 2023, group_name: 'Premier League', team_id: 1, rank: 1, points: 3, goals_diff: 2 };
    const filled = await at(knex, (trx) => trx('golden.standings').insert(standing));
    const truncated = await at(knex, (trx) => trx.raw('truncate golden.standings'));
    expect(await versions(knex, 'standings', { team_id: 1 }, ['rank'])).to.deep.equal([{ rank: 1, valid_from: date(filled), valid_to: date(truncated) }]);
  });

  it('has a history table for each historised golden table, with its columns, types and comments', async () => {
    const { knex } = ctx.db;
    for (const table of HISTORISED) {
      const columns = (schema: string, name: string) =>
        knex.raw<{ rows: Array<{ name: string; type: string; comment: string }> }>(
          `select attname as name, format_type(atttypid, atttypmod) as type, col_description(attrelid, attnum) as comment
           from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped order by attnum`,
          [`${schema}.${name}`],
        );
      const golden = (await columns('golden', table)).rows;
      const history = (await columns('history', `${table}_history`)).rows;
      expect(history.slice(0, golden.length), table).to.deep.equal(golden);
      expect(history.slice(golden.length).map((c) => c.name), table).to.deep.equal(['version_id', 'valid_from', 'valid_to']);
      const triggers = await knex.raw("select array_agg(tgname::text order by tgname) as names from pg_trigger where tgrelid = ?::regclass and not tgisinternal", [`golden.${table}`]);
      expect(triggers.rows[0].names, table).to.deep.equal(['delete', 'insert', 'truncate', 'update'].map((op) => `${table}_history_on_${op}`));
    }
  });

  it('is not readable by the analyst, who reads the marts over it', async () => {
    const trx = await ctx.db.knex.transaction();
    try {
      await trx.raw('set local role quantfoot_analyst');
      expect(await trx.raw('select * from history.fixtures_history').catch((err: Error) => err.message)).to.match(/permission denied for schema history/);
    } finally {
      await trx.rollback();
    }
    const asAnalyst = await ctx.db.knex.transaction(async (t) => {
      await t.raw('set local role quantfoot_analyst');
      return (await t.raw('select (select count(*) from marts.player_clubs) + (select count(*) from marts.fixture_score_changes) as n')).rows[0].n;
    });
    expect(Number(asAnalyst)).to.be.at.least(0);
  });

  it('answers "the club of player P on date D" across a transfer, and a fixture\'s score as it changed', async () => {
    const { knex } = ctx.db;
    await knex('golden.players').insert({ player_id: 21, name: 'D. Rice' });
    const joined = await at(knex, (trx) => trx('golden.squad_players').insert([{ team_id: 2, player_id: 21, shirt_number: 41 }]));
    const renumbered = await at(knex, (trx) => trx('golden.squad_players').where({ player_id: 21 }).update({ shirt_number: 4 }));
    // The transfer, as a squads load writes it: the old club's squad loses him, the new club's gains him.
    const moved = await at(knex, async (trx) => {
      await trx('golden.squad_players').where({ team_id: 2, player_id: 21 }).delete();
      await trx('golden.squad_players').insert({ team_id: 1, player_id: 21, shirt_number: 41 });
    });
    const clubOn = async (d: Date | string) =>
      (await knex.raw('select team_name from marts.player_clubs where player_id = 21 and valid_from <= ? and (valid_to is null or valid_to > ?)', [d, d])).rows.map((r: { team_name: string }) => r.team_name);
    expect(await clubOn(justBefore(joined))).to.deep.equal([]);
    expect(await clubOn(joined)).to.deep.equal(['Brighton & Hove Albion']);
    expect(await clubOn(renumbered)).to.deep.equal(['Brighton & Hove Albion']);
    expect(await clubOn(justBefore(moved))).to.deep.equal(['Brighton & Hove Albion']);
    expect(await clubOn(moved)).to.deep.equal(['Arsenal']);
    expect((await knex('marts.player_clubs').where({ player_id: 21 }).orderBy('valid_from').select('team_id', 'valid_from', 'valid_to', 'is_current'))).to.deep.equal([
      { team_id: 2, valid_from: date(joined), valid_to: date(moved), is_current: false },
      { team_id: 1, valid_from: date(moved), valid_to: null, is_current: true },
    ]);

    const fixture = { fixture_id: 5, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: '2023-08-12T14:00:00Z', home_team_id: 1, away_team_id: 3 };
    const scheduled = await at(knex, (trx) => trx('golden.fixtures').insert({ ...fixture, status_short: 'NS' }));
    const live = await at(knex, (trx) => trx('golden.fixtures').where({ fixture_id: 5 }).update({ status_short: '1H', elapsed: 20, goals_home: 1, goals_away: 0 }));
    await at(knex, (trx) => trx('golden.fixtures').where({ fixture_id: 5 }).update({ elapsed: 35 }));
    const finished = await at(knex, (trx) => trx('golden.fixtures').where({ fixture_id: 5 }).update({ status_short: 'FT', elapsed: 90, goals_home: 1, goals_away: 1 }));
    expect(await knex('marts.fixture_score_changes').where({ fixture_id: 5 }).orderBy('recorded_at')
      .select('status', 'home_goals', 'away_goals', 'previous_status', 'recorded_at', 'superseded_at', 'home_team_name')).to.deep.equal([
      { status: 'NS', home_goals: null, away_goals: null, previous_status: null, recorded_at: date(scheduled), superseded_at: date(live), home_team_name: 'Arsenal' },
      { status: '1H', home_goals: 1, away_goals: 0, previous_status: 'NS', recorded_at: date(live), superseded_at: date(finished), home_team_name: 'Arsenal' },
      { status: 'FT', home_goals: 1, away_goals: 1, previous_status: '1H', recorded_at: date(finished), superseded_at: null, home_team_name: 'Arsenal' },
    ]);
  });
});
