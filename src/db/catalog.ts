/**
 * A dump of everything the migrations own in the catalog (schemas, tables, columns, constraints,
 * indexes, comments, views, triggers, functions, roles' grants), as sorted text, to compare a
 * schema before and after.
 */
import type { Knex } from 'knex';

const OWNED = `('golden','raw','etl','marts','history')`;

export async function dumpCatalog(knex: Knex): Promise<string> {
  const parts: string[] = [];
  const q = async (title: string, sql: string) => {
    const { rows } = await knex.raw<{ rows: Array<Record<string, unknown>> }>(sql);
    parts.push(`## ${title}`, ...rows.map((r) => JSON.stringify(r)).sort());
  };
  await q('schemas', `select nspname, obj_description(oid, 'pg_namespace') as comment from pg_namespace where nspname in ${OWNED}`);
  await q('relations', `select n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class') as comment
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ${OWNED} and c.relkind in ('r','v','m','p','S','i')`);
  await q('columns', `select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull,
      pg_get_expr(d.adbin, d.adrelid) as default, col_description(c.oid, a.attnum) as comment
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname in ${OWNED} and a.attnum > 0 and not a.attisdropped and c.relkind in ('r','v','m','p')`);
  await q('constraints', `select n.nspname, c.conname, c.conrelid::regclass::text as rel, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname in ${OWNED}`);
  await q('indexes', `select schemaname, indexname, indexdef from pg_indexes where schemaname in ${OWNED}`);
  await q('views', `select schemaname, viewname, definition from pg_views where schemaname in ${OWNED}`);
  await q('triggers', `select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid) as def, t.tgenabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ${OWNED} and not t.tgisinternal`);
  await q('functions', `select n.nspname, p.proname, pg_get_functiondef(p.oid) as def, obj_description(p.oid, 'pg_proc') as comment
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ${OWNED}`);
  await q('grants', `select table_schema, table_name, grantee, privilege_type from information_schema.role_table_grants where table_schema in ${OWNED}`);
  return parts.join('\n');
}
