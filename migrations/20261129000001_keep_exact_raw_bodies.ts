import type { Knex } from 'knex';

// Raw landing keeps what jsonb cannot hold (a NUL, a lone surrogate, absurd nesting) losslessly:
// `body` holds the sanitised value, the exact bytes go beside it, with the reason.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('raw').alterTable('api_responses', (t) => {
    t.binary('body_bytes').nullable().comment('The response bytes exactly as received, kept only when body is not a faithful copy of them (see body_note); etl replay reads these.');
    t.text('body_note').nullable().comment('Why body differs from the bytes received, e.g. which values held a NUL or a lone surrogate and were replaced.');
    t.check('(body_bytes is null) = (body_note is null)', [], 'api_responses_body_bytes_note_chk');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('raw').alterTable('api_responses', (t) => {
    t.dropChecks(['api_responses_body_bytes_note_chk']);
    t.dropColumn('body_note');
    t.dropColumn('body_bytes');
  });
}
