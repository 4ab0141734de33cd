import type { Knex } from 'knex';

// Fixture status codes of API-Football (SPEC §8). Upserted, never deleted-and-reinserted, so
// fixtures that reference a status keep working and a second run changes nothing.
export const FIXTURE_STATUSES: ReadonlyArray<{ status_short: string; status_long: string; category: string; description: string }> = [
  { status_short: 'TBD', status_long: 'Time To Be Defined', category: 'scheduled', description: 'Scheduled, but date and time are not known yet.' },
  { status_short: 'NS', status_long: 'Not Started', category: 'scheduled', description: 'Scheduled and not started.' },
  { status_short: '1H', status_long: 'First Half, Kick Off', category: 'in_play', description: 'First half in play.' },
  { status_short: 'HT', status_long: 'Halftime', category: 'in_play', description: 'Half-time break.' },
  { status_short: '2H', status_long: 'Second Half, 2nd Half Started', category: 'in_play', description: 'Second half in play.' },
  { status_short: 'ET', status_long: 'Extra Time', category: 'in_play', description: 'Extra time in play.' },
  { status_short: 'BT', status_long: 'Break Time', category: 'in_play', description: 'Break during extra time.' },
  { status_short: 'P', status_long: 'Penalty In Progress', category: 'in_play', description: 'Penalty shoot-out in progress.' },
  { status_short: 'SUSP', status_long: 'Match Suspended', category: 'in_play', description: 'Suspended by the referee; may be rescheduled.' },
  { status_short: 'INT', status_long: 'Match Interrupted', category: 'in_play', description: 'Interrupted; should resume shortly.' },
  { status_short: 'LIVE', status_long: 'In Progress', category: 'in_play', description: 'In play, without half or minute information.' },
  { status_short: 'FT', status_long: 'Match Finished', category: 'finished', description: 'Finished in regular time.' },
  { status_short: 'AET', status_long: 'Match Finished', category: 'finished', description: 'Finished after extra time, without a shoot-out.' },
  { status_short: 'PEN', status_long: 'Match Finished', category: 'finished', description: 'Finished after a penalty shoot-out.' },
  { status_short: 'PST', status_long: 'Match Postponed', category: 'postponed', description: 'Postponed; returns to NS when a new date is known.' },
  { status_short: 'CANC', status_long: 'Match Cancelled', category: 'cancelled', description: 'Cancelled; will not be played.' },
  { status_short: 'ABD', status_long: 'Match Abandoned', category: 'abandoned', description: 'Abandoned; may or may not be rescheduled.' },
  { status_short: 'AWD', status_long: 'Technical Loss', category: 'awarded', description: 'Not played; result awarded by the competition.' },
  { status_short: 'WO', status_long: 'WalkOver', category: 'awarded', description: 'Not played; victory by forfeit.' },
];

export async function seed(knex: Knex): Promise<void> {
  await knex('golden.fixture_statuses')
    .insert(FIXTURE_STATUSES)
    .onConflict('status_short')
    .merge()
    .whereRaw(
      '(fixture_statuses.status_long, fixture_statuses.category, fixture_statuses.description) is distinct from (excluded.status_long, excluded.category, excluded.description)',
    );
}
