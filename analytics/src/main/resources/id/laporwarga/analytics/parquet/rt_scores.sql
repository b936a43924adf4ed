-- The Parquet columns of the rt_scores dataset, from its staging JSON Lines (the source); Athena and DuckDB alike.
SELECT
  rtId AS rt_id,
  period,
  kecamatanCode AS kecamatan_code,
  kelurahanCode AS kelurahan_code,
  kelurahanName AS kelurahan_name,
  score,
  band,
  incentiveRupiah AS incentive_rupiah,
  provisional,
  active,
  clampAdjustment AS clamp_adjustment,
  verified_activity_points,
  service_timeliness_points,
  complaints_resolved_points,
  returned_penalty_points,
  verifiedActivities AS verified_activities,
  components
FROM {source}
