-- Complaints received, resolved and referred per agency and month (SIKeMas: "93 complaints, 53 resolved, the rest
-- referred to PDAM/PLN"). resolved = RESOLVED or CLOSED by the time of the export; referred = REFERRED_EXTERNAL.
SELECT month,
       coalesce(agency_id, '-') AS agency_id,
       count(*) AS received,
       count_if(status IN ('RESOLVED', 'CLOSED')) AS resolved,
       count_if(status = 'REFERRED_EXTERNAL') AS referred
FROM cases
WHERE tenant = ? AND kind = 'COMPLAINT'
GROUP BY month, coalesce(agency_id, '-')
ORDER BY month, agency_id
