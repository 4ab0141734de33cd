/** `quantfoot override set | list | remove`: curated corrections the marts show and no load erases (src/curation). */
import os from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { CURATED_ENTITIES, curatedEntity, listOverrides, removeOverride, setOverride, type ListedOverride } from '../curation/overrides';
import { withDatabase } from '../db/connection';
import { printable } from '../text';
import { checkInteger, ID_RANGE } from './options';
import { runHandler } from './run';

const ENTITY_HELP = `${CURATED_ENTITIES.map((e) => e.singular).join(', ')} (or the plural)`;

interface SetArgs {
  entity: string;
  id: number;
  field: string;
  value: string;
  reason: string;
  author?: string;
}

/** Who runs the command, when --author does not say. */
function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

const show = (value: string | null) => (value === null ? 'none' : JSON.stringify(printable(value)));

const set: CommandModule<object, SetArgs> = {
  command: 'set <entity> <id> <field> <value>',
  describe: 'Correct one field of a golden row: the marts show VALUE, the golden table keeps the API\'s',
  builder: (y: Argv) =>
    y
      .positional('entity', { type: 'string', describe: ENTITY_HELP })
      .positional('id', { type: 'number', describe: 'its API id, e.g. 33' })
      .positional('field', { type: 'string', describe: 'the column, e.g. name' })
      .positional('value', { type: 'string', describe: 'the correct value, as PostgreSQL reads it for the column (a date as 2001-02-03); one starting with - goes after --, the options before it' })
      .option('reason', { type: 'string', demandOption: true, describe: 'why the API is wrong here (kept with the override)' })
      .option('author', { type: 'string', describe: 'who corrects it (default: the user running the command)' })
      .check((a) => {
        checkInteger(a, 'id', ID_RANGE, 'an id');
        return true;
      }) as unknown as Argv<SetArgs>,
  handler: runHandler(async (args: SetArgs) =>
    withDatabase(async ({ knex }) => {
      const entity = curatedEntity(args.entity);
      const result = await setOverride(knex, { entity: args.entity, id: args.id, field: args.field, value: String(args.value), reason: args.reason, author: args.author ?? currentUser() });
      const o = result.override;
      console.log(`${entity.singular} ${o.entity_id} ${o.field} = ${show(o.value)}${result.replaced === null ? '' : ` (was overridden as ${show(result.replaced)})`}; the API gives ${show(result.apiValue)}`);
      if (result.apiAgrees) console.log('The API already gives this value: the override pins it against later changes.');
      console.log(`The marts show it from now on (marts.${entity.table}); quantfoot override remove ${entity.singular} ${o.entity_id} ${o.field} undoes it.`);
    }, { migrated: true }),
  ),
};

const list: CommandModule<object, { entity?: string }> = {
  command: 'list [entity]',
  describe: 'The overrides (of one entity), each with the value the API gives now; those it agrees with can go',
  builder: (y: Argv) => y.positional('entity', { type: 'string', describe: ENTITY_HELP }) as unknown as Argv<{ entity?: string }>,
  handler: runHandler(async (args: { entity?: string }) =>
    withDatabase(async ({ knex }) => {
      const overrides = await listOverrides(knex, args.entity);
      if (overrides.length === 0) {
        console.log(`No overrides${args.entity ? ` of ${curatedEntity(args.entity).table}` : ''}.`);
        return;
      }
      console.log(overridesTable(overrides));
      const agreed = overrides.filter((o) => o.api_agrees).length;
      console.log(`${overrides.length} override(s)${agreed ? `; ${agreed} the API now agrees with (marked): remove them with quantfoot override remove` : ''}`);
    }, { migrated: true }),
  ),
};

interface RemoveArgs {
  entity: string;
  id: number;
  field: string;
}

const remove: CommandModule<object, RemoveArgs> = {
  command: 'remove <entity> <id> <field>',
  describe: 'Remove an override: the marts show the API\'s value again',
  builder: (y: Argv) =>
    y
      .positional('entity', { type: 'string', describe: ENTITY_HELP })
      .positional('id', { type: 'number', describe: 'its API id' })
      .positional('field', { type: 'string', describe: 'the column' })
      .check((a) => {
        checkInteger(a, 'id', ID_RANGE, 'an id');
        return true;
      }) as unknown as Argv<RemoveArgs>,
  handler: runHandler(async (args: RemoveArgs) =>
    withDatabase(async ({ knex }) => {
      const removed = await removeOverride(knex, args.entity, args.id, args.field);
      console.log(`Removed the override of ${curatedEntity(args.entity).singular} ${removed.entity_id} ${removed.field} (was ${show(removed.value)}): the marts show the API's value again.`);
    }, { migrated: true }),
  ),
};

function overridesTable(overrides: readonly ListedOverride[]): string {
  const header = ['entity', 'id', 'field', 'value', 'API value', 'API agrees', 'reason', 'author', 'set at'];
  const rows = overrides.map((o) => [
    curatedEntity(o.entity).singular, String(o.entity_id), o.field, show(o.value), show(o.api_value), o.api_agrees ? 'yes: remove it' : '', printable(o.reason), printable(o.author), o.created_at.toISOString(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const overrideCommand: CommandModule = {
  command: 'override',
  describe: 'Curated corrections of golden values that the marts show and the ETL never erases',
  builder: (y: Argv) => y.command(set).command(list).command(remove).demandCommand(1, 'Name an override command; see quantfoot override --help'),
  handler: () => undefined,
};
