/**
 * Curated corrections of golden values (golden.overrides), as `quantfoot override` and library
 * users make them. An override is checked against its column before it is kept: the row must
 * exist, the field must be a column an override may change, and the value must be one PostgreSQL
 * would store there, together with the row's other overrides (type, CHECK and foreign keys), which
 * we learn by writing them to the golden row in a savepoint and rolling it back. The golden row
 * itself never changes: marts.<table> shows the override, so no load can erase it.
 * A materialized mart stores rows built from the curated ones (a player's name in
 * player_season_stats): setting or removing an override refreshes them in the same transaction,
 * so no mart shows a correction the others do not, and a failed refresh keeps nothing.
 */
import type { Knex } from 'knex';
import type { Model } from 'objection';
import type { OverrideEntity, OverrideRow } from '../db/tables';
import { relationColumns, type ContractColumn } from '../db/contracts';
import { ConfigError } from '../errors';
import { refreshMaterializedMarts } from '../db/views';
import { describeDbError, ident, isDataError } from '../etl/load';
import { Coach, Fixture, League, Override, Player, Team, Venue } from '../models';

export interface CuratedEntity {
  /** The golden table, also the name stored in golden.overrides.entity. */
  table: OverrideEntity;
  singular: string;
  model: typeof Model;
  /** Its API id column: the ID of `override set`. */
  key: string;
  /**
   * Columns besides the key that marts.<table> keeps as they are, with why: what places a fixture
   * is what the marts filter on, and a filter must reach the table's indexes.
   */
  fixed: Record<string, string>;
}

const PLACES_THE_FIXTURE = 'it places the fixture in its league-season and between its teams, which the marts select by';

export const CURATED_ENTITIES: readonly CuratedEntity[] = [
  { table: 'leagues', singular: 'league', model: League, key: 'league_id', fixed: {} },
  { table: 'venues', singular: 'venue', model: Venue, key: 'venue_id', fixed: {} },
  { table: 'teams', singular: 'team', model: Team, key: 'team_id', fixed: {} },
  { table: 'players', singular: 'player', model: Player, key: 'player_id', fixed: {} },
  { table: 'coaches', singular: 'coach', model: Coach, key: 'coach_id', fixed: {} },
  {
    table: 'fixtures', singular: 'fixture', model: Fixture, key: 'fixture_id',
    fixed: { league_id: PLACES_THE_FIXTURE, season: PLACES_THE_FIXTURE, home_team_id: PLACES_THE_FIXTURE, away_team_id: PLACES_THE_FIXTURE },
  },
];

/** The entity a user names by its table's singular or plural name (`team`, `teams`), any case. */
export function curatedEntity(name: string): CuratedEntity {
  const wanted = name.trim().toLowerCase();
  const found = CURATED_ENTITIES.find((e) => e.table === wanted || e.singular === wanted);
  if (!found) throw new ConfigError(`unknown entity "${name}": overrides correct ${CURATED_ENTITIES.map((e) => `${e.singular} (${e.table})`).join(', ')}`);
  return found;
}

export interface OverrideInput {
  /** `team`, `teams`, `fixture`… */
  entity: string;
  id: number;
  field: string;
  value: string;
  reason: string;
  author: string;
}

export interface SetOverrideResult {
  override: OverrideRow;
  /** The API's value (the golden row's), as text; null when it gives none. */
  apiValue: string | null;
  /** The API already gives this value: the override pins it. */
  apiAgrees: boolean;
  /** Set again: the value it replaced. */
  replaced: string | null;
}

/** An override as listed: marts.overrides, with the API's value beside it. */
export interface ListedOverride extends OverrideRow {
  api_value: string | null;
  api_agrees: boolean;
}

type Column = ContractColumn;

/**
 * Checks the correction and keeps it (replacing one of the same row and field), and refreshes the
 * materialized marts, in one transaction.
 * A correction PostgreSQL would refuse in the golden row is a ConfigError naming why, and nothing is written.
 */
export async function setOverride(knex: Knex, input: OverrideInput): Promise<SetOverrideResult> {
  const entity = curatedEntity(input.entity);
  checkId(entity, input.id);
  if (!input.reason.trim()) throw new ConfigError('an override needs a reason (--reason): why the API is wrong here');
  if (!input.author.trim()) throw new ConfigError('an override needs an author (--author)');
  return knex.transaction(async (trx) => {
    const columns = await columnsOf(trx, entity);
    const column = overridableColumn(entity, columns, input.field);
    const golden = await entity.model.query(trx).findById(input.id);
    if (!golden) throw new ConfigError(`no ${entity.singular} ${input.id} in golden.${entity.table}`);
    const others = await Override.query(trx).where({ entity: entity.table, entity_id: input.id }).whereNot({ field: column.name });
    const value = await tryInGoldenRow(trx, entity, input.id, column, input.value, others, columns);
    const previous = await Override.query(trx).findById([entity.table, input.id, column.name]);
    const override = await Override.query(trx)
      .insert({ entity: entity.table, entity_id: input.id, field: column.name, value, reason: input.reason.trim(), author: input.author.trim(), created_at: new Date() })
      .onConflict(['entity', 'entity_id', 'field'])
      .merge()
      .returning('*');
    const listed = await listedOverride(trx, entity.table, input.id, column.name);
    await refreshMaterializedMarts(trx);
    return { override: rowOf(override), apiValue: listed.api_value, apiAgrees: listed.api_agrees, replaced: previous?.value ?? null };
  });
}

/** Removes a correction: the marts (materialized ones refreshed) show the API's value again. A ConfigError when there is none. */
export async function removeOverride(knex: Knex, entityName: string, id: number, field: string): Promise<OverrideRow> {
  const entity = curatedEntity(entityName);
  checkId(entity, id);
  return knex.transaction(async (trx) => {
    const [removed] = await Override.query(trx).where({ entity: entity.table, entity_id: id, field }).delete().returning('*');
    if (!removed) throw new ConfigError(`no override of ${entity.singular} ${id} ${field} (quantfoot override list ${entity.singular} shows them)`);
    await refreshMaterializedMarts(trx);
    return rowOf(removed);
  });
}

/** Every correction (of one entity when named), with the API's value now, ordered by entity, id and field. */
export async function listOverrides(knex: Knex, entityName?: string): Promise<ListedOverride[]> {
  const query = knex<ListedOverride>('marts.overrides').orderBy(['entity', 'entity_id', 'field']);
  if (entityName !== undefined) query.where({ entity: curatedEntity(entityName).table });
  return query;
}

/** The corrections the API has caught up with: the golden value now equals the override, which can go. */
export async function overridesTheApiAgreesWith(knex: Knex): Promise<ListedOverride[]> {
  return (await listOverrides(knex)).filter((o) => o.api_agrees);
}

function checkId(entity: CuratedEntity, id: number): void {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new ConfigError(`a ${entity.singular} id is a whole number from 1 to 2147483647, not ${id}`);
}

async function columnsOf(trx: Knex.Transaction, entity: CuratedEntity): Promise<Column[]> {
  return (await relationColumns(trx, `golden.${entity.table}`)) ?? [];
}

function overridableColumn(entity: CuratedEntity, columns: readonly Column[], field: string): Column {
  const column = columns.find((c) => c.name === field);
  const overridable = columns.filter((c) => c.name !== entity.key && !(c.name in entity.fixed)).map((c) => c.name);
  if (!column) throw new ConfigError(`golden.${entity.table} has no column "${field}"; an override may correct ${overridable.join(', ')}`);
  if (column.name === entity.key) throw new ConfigError(`${entity.table}.${field} is the ${entity.singular}'s id: it cannot be overridden`);
  const why = entity.fixed[column.name];
  if (why) throw new ConfigError(`${entity.table}.${field} cannot be overridden: ${why}`);
  return column;
}

/**
 * Writes the golden row as the marts will show it (this value and the row's other overrides) in a
 * savepoint, and rolls it back: PostgreSQL's own type input, CHECK and foreign keys judge it. Returns
 * the value in canonical form (as the column type prints it in JSON, times in UTC), so that it reads
 * back the same in any session.
 */
async function tryInGoldenRow(trx: Knex.Transaction, entity: CuratedEntity, id: number, column: Column, raw: string, others: readonly OverrideRow[], columns: readonly Column[]): Promise<string> {
  const typeOf = new Map(columns.map((c) => [c.name, c.type]));
  const sp = await trx.transaction();
  let value = '';
  let failure: unknown;
  try {
    await sp.raw("set local timezone to 'UTC'");
    value = await asColumnType(sp, entity, column, raw);
    const assignments = [{ name: column.name, value }, ...others.map((o) => ({ name: o.field, value: o.value }))].filter((a) => typeOf.has(a.name));
    await sp.raw(
      `update golden.${ident(entity.table)} set ${assignments.map((a) => `${ident(a.name)} = ?::${typeOf.get(a.name)}`).join(', ')} where ${ident(entity.key)} = ?`,
      [...assignments.map((a) => a.value), id],
    );
  } catch (err) {
    failure = err;
  } finally {
    await sp.rollback();
  }
  if (failure === undefined) return value;
  if (failure instanceof ConfigError || !isDataError(failure)) throw failure;
  throw await refusal(trx, entity, id, column, raw, failure);
}

async function asColumnType(sp: Knex.Transaction, entity: CuratedEntity, column: Column, raw: string): Promise<string> {
  try {
    const { rows } = await sp.raw<{ rows: Array<{ value: string }> }>(`select to_jsonb(?::${column.type}) #>> '{}' as value`, [raw]);
    return rows[0]!.value;
  } catch (err) {
    if (!isDataError(err)) throw err;
    throw new ConfigError(`${entity.singular} ${column.name}: ${JSON.stringify(raw)} is not a valid ${column.type} (PostgreSQL: ${describeDbError(err)})`, { cause: err });
  }
}

/** Why PostgreSQL refused the row: its words, and the rule it applied. */
async function refusal(trx: Knex.Transaction, entity: CuratedEntity, id: number, column: Column, raw: string, err: unknown): Promise<ConfigError> {
  const constraint = (err as { constraint?: string }).constraint;
  const { rows } = constraint
    ? await trx.raw<{ rows: Array<{ def: string }> }>('select pg_get_constraintdef(oid) as def from pg_constraint where conname = ? and conrelid = ?::regclass', [constraint, `golden.${entity.table}`])
    : { rows: [] };
  const rule = rows[0] ? ` (the rule: ${rows[0].def})` : '';
  return new ConfigError(`${entity.singular} ${id} ${column.name} = ${JSON.stringify(raw)} is refused by golden.${entity.table}: ${describeDbError(err)}${rule}`, { cause: err });
}

async function listedOverride(trx: Knex.Transaction, table: OverrideEntity, id: number, field: string): Promise<ListedOverride> {
  return trx<ListedOverride>('marts.overrides').where({ entity: table, entity_id: id, field }).first() as Promise<ListedOverride>;
}

function rowOf(override: Override): OverrideRow {
  const { entity, entity_id, field, value, reason, author, created_at } = override;
  return { entity, entity_id, field, value, reason, author, created_at };
}
