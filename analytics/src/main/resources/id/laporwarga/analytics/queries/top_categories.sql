-- The ten most reported categories over every exported month (SIKeMas: DLH, Satpol PP and Dishub on top).
SELECT kind, category, count(*) AS cases
FROM cases
WHERE tenant = ?
GROUP BY kind, category
ORDER BY cases DESC, kind, category
LIMIT 10
