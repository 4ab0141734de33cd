-- Referees per league-season: the matches they took charge of and what they gave. The referee is
-- golden.fixtures.referee_name (parsed from the API's free text, so "Anthony Taylor, England" and
-- "Anthony Taylor" are one referee); cards and penalties come from golden.fixture_events of the
-- finished matches (shoot-out kicks are not penalties awarded).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   referee_name text
--   referee_country text
--   matches integer
--   yellow_cards integer
--   red_cards integer
--   penalties integer
--   cards_per_match numeric
--   league_name text
--   country_name text
--   season_label text
create view marts.referees as
with

fixtures as (
    select fixture_id, league_id, season, referee_name, referee_country, status_short from marts.fixtures
),

seasons as (
    select league_id, season, league_name, country_name, season_label from marts.seasons
),

statuses as (
    select status_short, category from golden.fixture_statuses
),

events as not materialized (
    select fixture_id, type, detail, is_shootout from golden.fixture_events
),

refereed as (
    select fixtures.*
    from fixtures
    join statuses on statuses.status_short = fixtures.status_short
    where statuses.category = 'finished' and fixtures.referee_name is not null
),

per_match as (
    select
        refereed.fixture_id,
        refereed.league_id,
        refereed.season,
        refereed.referee_name,
        refereed.referee_country,
        (count(*) filter (where events.type = 'Card' and events.detail = 'Yellow Card'))::int as yellow_cards,
        (count(*) filter (where events.type = 'Card' and events.detail in ('Red Card', 'Second Yellow card')))::int as red_cards,
        (count(*) filter (where events.type = 'Goal' and events.detail in ('Penalty', 'Missed Penalty') and not events.is_shootout))::int as penalties
    from refereed
    left join events on events.fixture_id = refereed.fixture_id
    group by refereed.fixture_id, refereed.league_id, refereed.season, refereed.referee_name, refereed.referee_country
),

final as (
    select
        league_id,
        season,
        referee_name,
        -- The country when any of the matches named one.
        max(referee_country) as referee_country,
        count(*)::int as matches,
        sum(yellow_cards)::int as yellow_cards,
        sum(red_cards)::int as red_cards,
        sum(penalties)::int as penalties,
        round(avg(yellow_cards + red_cards), 2) as cards_per_match
    from per_match
    group by league_id, season, referee_name
)

select
    final.*,
    seasons.league_name,
    seasons.country_name,
    seasons.season_label
from final
join seasons on seasons.league_id = final.league_id and seasons.season = final.season;

comment on view marts.referees is
    'Referees per league-season: finished matches refereed, yellow and red cards and penalties given (from the events), cards per match. One referee is one parsed name (golden.fixtures.referee_name), whatever the API''s format.';
comment on column marts.referees.league_id is 'The competition.';
comment on column marts.referees.season is 'Season start year.';
comment on column marts.referees.referee_name is 'The referee, as parsed from the API''s referee text (without the country).';
comment on column marts.referees.referee_country is 'The referee''s country when the API named one, else null.';
comment on column marts.referees.matches is 'Finished matches refereed in the league-season.';
comment on column marts.referees.yellow_cards is 'Yellow cards shown (card events).';
comment on column marts.referees.red_cards is 'Red cards shown, second yellows included.';
comment on column marts.referees.penalties is 'Penalties awarded in play (scored or missed; shoot-out kicks excluded).';
comment on column marts.referees.cards_per_match is 'Yellow and red cards per match, two decimals.';
comment on column marts.referees.league_name is 'Competition name (marts.leagues, overrides applied).';
comment on column marts.referees.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.referees.season_label is 'Season as people write it, e.g. 2023-24 (marts.seasons).';
