-- Coaches' jobs with their record: from golden.coach_tenures (loaded with `etl run --with coachs`),
-- and the finished matches of marts.team_matches the club played while he was in charge, in the
-- competitions loaded here (a job's record covers what this database holds, not his whole career).
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   coach_id integer
--   coach_name text
--   nationality text
--   team_id integer
--   team_name text
--   start_date date
--   end_date date
--   is_current boolean
--   days integer
--   matches integer
--   won integer
--   drawn integer
--   lost integer
--   points_per_match numeric
create view marts.coach_tenures as
with

tenures as (
    select coach_id, team_id, start_date, end_date from golden.coach_tenures
),

coaches as (
    select coach_id, name as coach_name, nationality from marts.coaches
),

teams as (
    select team_id, name as team_name from marts.teams
),

team_matches as not materialized (
    select team_id, kickoff_at, result, points from marts.team_matches
),

records as (
    select
        tenures.coach_id,
        tenures.team_id,
        tenures.start_date,
        count(team_matches.result)::int as matches,
        (count(*) filter (where team_matches.result = 'W'))::int as won,
        (count(*) filter (where team_matches.result = 'D'))::int as drawn,
        (count(*) filter (where team_matches.result = 'L'))::int as lost,
        coalesce(sum(team_matches.points), 0)::int as points
    from tenures
    left join team_matches
        on team_matches.team_id = tenures.team_id
        and team_matches.kickoff_at >= tenures.start_date
        and (tenures.end_date is null or team_matches.kickoff_at < tenures.end_date + 1)
    group by tenures.coach_id, tenures.team_id, tenures.start_date
),

final as (
    select
        tenures.coach_id,
        coaches.coach_name,
        coaches.nationality,
        tenures.team_id,
        teams.team_name,
        tenures.start_date,
        tenures.end_date,
        tenures.end_date is null as is_current,
        coalesce(tenures.end_date, current_date) - tenures.start_date as days,
        records.matches,
        records.won,
        records.drawn,
        records.lost,
        round(records.points::numeric / nullif(records.matches, 0), 2) as points_per_match
    from tenures
    join coaches on coaches.coach_id = tenures.coach_id
    join teams on teams.team_id = tenures.team_id
    join records on records.coach_id = tenures.coach_id and records.team_id = tenures.team_id and records.start_date = tenures.start_date
)

select * from final;

comment on view marts.coach_tenures is
    'Coaches'' jobs (golden.coach_tenures, loaded with etl run --with coachs) with coach and club names, length, and the record of the club''s finished matches loaded here while he was in charge.';
comment on column marts.coach_tenures.coach_id is 'The coach.';
comment on column marts.coach_tenures.coach_name is 'Coach name.';
comment on column marts.coach_tenures.nationality is 'The coach''s nationality.';
comment on column marts.coach_tenures.team_id is 'The club.';
comment on column marts.coach_tenures.team_name is 'Club name.';
comment on column marts.coach_tenures.start_date is 'First day in the job.';
comment on column marts.coach_tenures.end_date is 'Last day in the job; null for the current one.';
comment on column marts.coach_tenures.is_current is 'He still holds the job.';
comment on column marts.coach_tenures.days is 'Length of the job in days (to today for the current one).';
comment on column marts.coach_tenures.matches is 'Finished matches of the club during the job, in the competitions loaded here.';
comment on column marts.coach_tenures.won is 'Of those, won.';
comment on column marts.coach_tenures.drawn is 'Of those, drawn.';
comment on column marts.coach_tenures.lost is 'Of those, lost.';
comment on column marts.coach_tenures.points_per_match is 'League points per match (3 a win, 1 a draw), two decimals; null without matches.';
