-- Service requests: median and 90th percentile of the minutes spent in each review tier, and from the RT's queue to
-- the kecamatan's issue (Portal Emas: 45 minutes from RT to kecamatan). Completed stays only.
SELECT month, tier,
       count(*) AS steps,
       approx_percentile(minutes, 0.5) AS median_minutes,
       approx_percentile(minutes, 0.9) AS p90_minutes
FROM (
  SELECT month, '1 RT' AS tier, rt_tier_minutes AS minutes FROM cases
  WHERE tenant = ? AND kind = 'SERVICE_REQUEST' AND rt_tier_minutes IS NOT NULL
  UNION ALL
  SELECT month, '2 KELURAHAN' AS tier, kelurahan_tier_minutes AS minutes FROM cases
  WHERE tenant = ? AND kind = 'SERVICE_REQUEST' AND kelurahan_tier_minutes IS NOT NULL
  UNION ALL
  SELECT month, '3 KECAMATAN' AS tier, kecamatan_tier_minutes AS minutes FROM cases
  WHERE tenant = ? AND kind = 'SERVICE_REQUEST' AND kecamatan_tier_minutes IS NOT NULL
  UNION ALL
  SELECT month, '4 CITY' AS tier, city_tier_minutes AS minutes FROM cases
  WHERE tenant = ? AND kind = 'SERVICE_REQUEST' AND city_tier_minutes IS NOT NULL
  UNION ALL
  SELECT month, 'RT TO KECAMATAN' AS tier, minutes_rt_to_kecamatan AS minutes FROM cases
  WHERE tenant = ? AND kind = 'SERVICE_REQUEST' AND minutes_rt_to_kecamatan IS NOT NULL
) AS steps
GROUP BY month, tier
ORDER BY month, tier
