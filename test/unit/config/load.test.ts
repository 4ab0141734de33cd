import { expect } from 'chai';
import { EXAMPLE_CONFIG } from '../../../src/config/example';
import { DEFAULT_FRESHNESS, parseConfig } from '../../../src/config/load';
import { ConfigError } from '../../../src/errors';

const fails = (text: string): string => {
  try {
    parseConfig(text, 'q.yml');
  } catch (err) {
    expect(err).to.be.an.instanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('quantfoot.yml', () => {
  it('the example init writes is valid and says what it means', () => {
    const config = parseConfig(EXAMPLE_CONFIG, 'quantfoot.yml');
    expect(config.competitions.map((c) => [c.league, c.seasons])).to.deep.equal([
      [39, [2023]],
      [2, [2023]],
    ]);
    expect(config.freshness).to.deep.equal({ warnAfterHours: 36, errorAfterHours: 72 });
    expect(config.schedule).to.equal('15 */6 * * *');
  });

  it('seasons as a list, one year, a range or current; freshness per competition over the global one', () => {
    const config = parseConfig(
      `competitions:
  - { league: 39, seasons: [2024, 2022] }
  - { league: 140, seasons: 2015..2018, with: [squads], freshness: { warn_after_hours: 6 } }
  - { league: 262, seasons: current }
  - { league: 2, seasons: 2023 }
freshness: { warn_after_hours: 10, error_after_hours: 20 }
`,
      'q.yml',
    );
    expect(config.competitions.map((c) => c.seasons)).to.deep.equal([[2022, 2024], [2015, 2016, 2017, 2018], 'current', [2023]]);
    expect(config.competitions[1]!.freshness).to.deep.equal({ warnAfterHours: 6, errorAfterHours: 20 });
    expect(config.competitions[0]!.freshness).to.deep.equal({ warnAfterHours: 10, errorAfterHours: 20 });
    expect(config.competitions[1]!.with).to.deep.equal(['squads']);
    expect(parseConfig('competitions: [{league: 1, seasons: [2020]}]', 'q').freshness).to.deep.equal(DEFAULT_FRESHNESS);
  });

  it('names the line and the key of what is wrong', () => {
    expect(fails('competitions:\n  - league: 39\n    seasons: [2023]\n    sesons: 2\n')).to.equal('q.yml:4: competitions[0].sesons: is not a known key (see quantfoot init for the keys)');
    expect(fails('competitions:\n  - league: 39\n    seasons: 2024..2015\n')).to.match(/^q\.yml:3: competitions\[0\]\.seasons: 2024\.\.2015 runs backwards/);
    expect(fails('competitions:\n  - league: 39\n    seasons: lots\n')).to.match(/^q\.yml:3: competitions\[0\]\.seasons: expected a list of years/);
    expect(fails('competitions:\n  - league: "39"\n    seasons: [2023]\n')).to.match(/^q\.yml:2: competitions\[0\]\.league: must be integer/);
    expect(fails('competitions:\n  - league: 39\n    seasons: [2023]\n  - league: 39\n    seasons: [2024]\n')).to.match(/^q\.yml:4: competitions\[1\]\.league: league 39 is listed twice/);
    expect(fails('competitions:\n  - league: 39\n    seasons: [2023]\n    with: [everything]\n')).to.match(/^q\.yml:4: competitions\[0\]\.with\[0\]: must be one of squads/);
    expect(fails('freshness: {warn_after_hours: 80, error_after_hours: 10}\ncompetitions: [{league: 1, seasons: [2020]}]\n')).to.match(/^q\.yml:1: freshness\.warn_after_hours: warn_after_hours \(80\) is more than/);
    expect(fails('competitions: [{league: 1, seasons: [2020]}]\nschedule: "every day"\n')).to.match(/^q\.yml:2: schedule: every day is not a cron expression/);
    expect(fails('competitions: [{league: 1, seasons: [2020]}]\ntimezone: Mars/Olympus\n')).to.match(/^q\.yml:2: timezone: Mars\/Olympus is not a time zone/);
    expect(fails('')).to.match(/the file is empty/);
    expect(fails('daily_reserve: 5\n')).to.match(/^q\.yml:1: \(top level\): competitions is required/);
  });

  it('refuses YAML that is not YAML, duplicate keys, and alias bombs, with the line', () => {
    expect(fails('competitions:\n  - league: 39\n   seasons: [2023\n')).to.match(/^q\.yml:\d+: not valid YAML/);
    expect(fails('competitions: []\ncompetitions: []\n')).to.match(/^q\.yml:2: not valid YAML: Map keys must be unique/);
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ncompetitions: [*d]\n`;
    expect(fails(bomb)).to.match(/alias/i);
  });
});
