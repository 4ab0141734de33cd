/**
 * QuantFoot as a library: `import { bindModels, Fixture } from 'quantfoot'` in another project.
 * The objection models of the golden tables with their row types (bind them to your knex once with
 * `bindModels(knex)`, or pass a knex or transaction to each query), and the curation API that
 * `quantfoot override` runs. The schema comes from the migrations (`quantfoot db migrate`); the
 * package's build (`npm run build`) compiles this entry point to dist/ with its declarations.
 */
export * from './models';
export type * from './db/tables';
export {
  CURATED_ENTITIES, curatedEntity, listOverrides, overridesTheApiAgreesWith, removeOverride, setOverride,
  type CuratedEntity, type ListedOverride, type OverrideInput, type SetOverrideResult,
} from './curation/overrides';
export { ConfigError, QuantfootError } from './errors';
