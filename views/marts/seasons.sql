-- League-seasons with the labels analysts read them by: the competition's curated name and country
-- (marts.leagues) and a season label ("2023-24" for a season across the new year, "2023" for one
-- within a calendar year). The other marts take their league and season labels from here, so one
-- rule labels a season everywhere.
-- No WITH: the marts join this one by (league_id, season), which must reach golden.seasons' key.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   league_id integer
--   season integer
--   season_label text
--   league_name text
--   league_type text
--   country_name text
--   start_date date
--   end_date date
--   is_current boolean
create view marts.seasons as
select
    seasons.league_id,
    seasons.season,
    -- The year it ends in decides; without dates the start year alone, which is never wrong.
    case
        when extract(year from seasons.end_date) > seasons.season
            then seasons.season::text || '-' || to_char(seasons.end_date, 'YY')
        else seasons.season::text
    end as season_label,
    leagues.name as league_name,
    leagues.type as league_type,
    leagues.country_name,
    seasons.start_date,
    seasons.end_date,
    seasons.is_current
from golden.seasons
join marts.leagues on leagues.league_id = seasons.league_id;

comment on view marts.seasons is
    'League-seasons (golden.seasons) with their labels: the curated league name and country (marts.leagues) and a season label, 2023-24 or 2023.';
comment on column marts.seasons.league_id is 'The competition.';
comment on column marts.seasons.season is 'Season start year, the API''s key.';
comment on column marts.seasons.season_label is 'The season as people write it: "2023-24" when it ends in a later year than it starts, "2023" when it ends the same year or its dates are unknown.';
comment on column marts.seasons.league_name is 'Competition name, with overrides applied (marts.leagues).';
comment on column marts.seasons.league_type is 'League or Cup.';
comment on column marts.seasons.country_name is 'Country of the competition ("World" for international ones).';
comment on column marts.seasons.start_date is 'First day of the season, when the API gives it.';
comment on column marts.seasons.end_date is 'Last day of the season, when the API gives it.';
comment on column marts.seasons.is_current is 'The API marks it the current season.';
