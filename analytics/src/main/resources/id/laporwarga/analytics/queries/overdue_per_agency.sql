-- Cases routed to each agency per month, and how many of them were overdue (a step past its deadline) at export.
SELECT month, agency_id,
       count(*) AS routed,
       count_if(overdue) AS overdue,
       round(CAST(count_if(overdue) AS double) * 100 / count(*), 1) AS overdue_percent
FROM cases
WHERE tenant = ? AND agency_id IS NOT NULL
GROUP BY month, agency_id
ORDER BY month, agency_id
