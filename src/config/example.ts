/** The commented quantfoot.yml that `quantfoot init` writes: every key, with what it does. */
export const EXAMPLE_CONFIG = `# quantfoot.yml: what QuantFoot keeps loaded, how fresh it must be, and when it runs.
# Read by quantfoot etl sync / etl daemon / check (or --config FILE). Reference: README, "Configuration".

# The competitions and their seasons. seasons: a list [2023, 2024], a range 2015..2024, or current
# (the season /leagues marks current, followed as it turns over).
competitions:
  - league: 39            # Premier League (the API-Football league id)
    seasons: [2023]
  - league: 2             # UEFA Champions League
    seasons: [2023]
    # Optional streams, one call per team each, refreshed weekly:
    # squads, coachs, transfers, sidelined, halves, or all.
    # with: [squads, coachs]
    # Stricter freshness for this one (hours):
    # freshness: { warn_after_hours: 12, error_after_hours: 24 }
  # - league: 140          # La Liga, every season since 2015
  #   seasons: 2015..2024

# quantfoot check: warn, then fail, when a league-season's data is older than this (hours): the last
# successful run, and, for a season in progress, the oldest finished match still without details.
freshness:
  warn_after_hours: 36
  error_after_hours: 72

# API requests left unused each day by sync (kept for ad-hoc runs).
daily_reserve: 0

# Leagues, teams, players and standings are fetched again when older than this (hours).
refresh_hours: 24

# quantfoot etl daemon runs sync on this cron expression (minute hour day month weekday).
schedule: "15 */6 * * *"
timezone: UTC
`;
