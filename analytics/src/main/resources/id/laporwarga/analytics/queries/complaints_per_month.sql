-- The month's complaint headline: received, resolved, referred to an external institution, still open elsewhere.
SELECT month,
       count(*) AS received,
       count_if(status IN ('RESOLVED', 'CLOSED')) AS resolved,
       count_if(status = 'REFERRED_EXTERNAL') AS referred,
       count_if(status NOT IN ('RESOLVED', 'CLOSED', 'REFERRED_EXTERNAL')) AS other
FROM cases
WHERE tenant = ? AND kind = 'COMPLAINT'
GROUP BY month
ORDER BY month
