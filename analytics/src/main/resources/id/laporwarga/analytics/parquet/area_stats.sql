-- The Parquet columns of the area_stats dataset, from its staging JSON Lines (the source); Athena and DuckDB alike.
SELECT
  period,
  level,
  kecamatanCode AS kecamatan_code,
  kecamatanName AS kecamatan_name,
  kelurahanCode AS kelurahan_code,
  kelurahanName AS kelurahan_name,
  complaintsReceived AS complaints_received,
  complaintsResolved AS complaints_resolved,
  medianHoursToResolve AS median_hours_to_resolve,
  overdue,
  rts,
  activeRts AS active_rts
FROM {source}
