-- Player moves with names: who went where, when, and on what terms (golden.transfers, loaded with
-- `etl run --with transfers`). The API words the terms freely ("Loan", "Free", "€ 1.5M", "N/A"):
-- kept as given, with a loan flag and a fee in euros where the words are one.
-- Apps may rely on the columns of the contract below (src/db/contracts.ts): it may grow, but
-- removing or retyping a column takes a new version of this mart (a _v2 file beside this one).
-- contract:
--   player_id integer
--   player_name text
--   transfer_date date
--   from_team_id integer
--   from_team_name text
--   to_team_id integer
--   to_team_name text
--   type text
--   is_loan boolean
--   fee_eur bigint
create view marts.transfers as
with

transfers as (
    select player_id, transfer_date, team_out_id, team_in_id, type from golden.transfers
),

players as (
    select player_id, name as player_name from marts.players
),

teams as (
    select team_id, name as team_name from marts.teams
),

-- "€ 250K" → 250000, "€ 1.5M" → 1500000; anything else has no fee.
fees as (
    select
        transfers.*,
        round(substring(type from '^€\s*([0-9]+(?:\.[0-9]+)?)\s*[KkMm]?$')::numeric
            * case upper(substring(type from '([KkMm])$')) when 'K' then 1000 when 'M' then 1000000 else 1 end)::bigint as fee_eur
    from transfers
),

final as (
    select
        fees.player_id,
        players.player_name,
        fees.transfer_date,
        fees.team_out_id as from_team_id,
        from_team.team_name as from_team_name,
        fees.team_in_id as to_team_id,
        to_team.team_name as to_team_name,
        fees.type,
        coalesce(fees.type ilike '%loan%', false) as is_loan,
        fees.fee_eur
    from fees
    join players on players.player_id = fees.player_id
    join teams as from_team on from_team.team_id = fees.team_out_id
    join teams as to_team on to_team.team_id = fees.team_in_id
)

select * from final;

comment on view marts.transfers is
    'Player moves (golden.transfers, loaded with etl run --with transfers): player and both clubs by name, the date, the terms as the API words them, a loan flag and the fee in euros when the terms are one ("€ 1.5M").';
comment on column marts.transfers.player_id is 'The player.';
comment on column marts.transfers.player_name is 'Player name.';
comment on column marts.transfers.transfer_date is 'Date of the move.';
comment on column marts.transfers.from_team_id is 'The club he left.';
comment on column marts.transfers.from_team_name is 'Name of the club he left.';
comment on column marts.transfers.to_team_id is 'The club he joined.';
comment on column marts.transfers.to_team_name is 'Name of the club he joined.';
comment on column marts.transfers.type is 'The terms as the API words them: Loan, Back from Loan, Free, Transfer, N/A, or a fee such as "€ 250K".';
comment on column marts.transfers.is_loan is 'The terms mention a loan (out on loan, or back from one).';
comment on column marts.transfers.fee_eur is 'The fee in euros when the terms are one ("€ 250K" = 250000); null otherwise.';
