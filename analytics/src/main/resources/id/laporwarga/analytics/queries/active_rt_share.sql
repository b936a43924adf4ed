-- Share of active RTs per kelurahan and month (SIPOKAT): the rostered RTs of the kelurahan, and how many of them had
-- an approved activity report in the month (score-rt's own count, exported with the area stats).
SELECT month, kecamatan_code, kelurahan_code, kelurahan_name,
       rts,
       active_rts,
       round(CAST(active_rts AS double) * 100 / rts, 1) AS active_percent
FROM area_stats
WHERE tenant = ? AND level = 'KELURAHAN' AND rts > 0
ORDER BY month, kecamatan_code, kelurahan_code
