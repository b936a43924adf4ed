-- Share of active RTs per kelurahan and month (SIPOKAT): RTs with at least one verified activity report among the
-- RTs scored that month (an RT is scored once it has a case in the month or the look-back months).
SELECT month, kecamatan_code, kelurahan_code, kelurahan_name,
       count(*) AS rts,
       count_if(verified_activities > 0) AS active_rts,
       round(CAST(count_if(verified_activities > 0) AS double) * 100 / count(*), 1) AS active_percent
FROM rt_scores
WHERE tenant = ?
GROUP BY month, kecamatan_code, kelurahan_code, kelurahan_name
ORDER BY month, kecamatan_code, kelurahan_code
