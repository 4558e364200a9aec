-- unsc agreement --from 2000-01-01: for each pair of permanent seats (the
-- USSR's continued by the Russian Federation), the decisions on which both
-- voted yes, no or abstained, and the share on which they voted alike; over
-- the UN Digital Library's resolutions and the spreadsheet's failed drafts.
WITH v(id, code, vote) AS (
  SELECT undl_id, CASE ms_code WHEN 'SUN' THEN 'SUN+RUS' WHEN 'RUS' THEN 'SUN+RUS' ELSE ms_code END, ms_vote
  FROM undl WHERE date >= '2000-01-01' AND ms_code IN ('CHN', 'FRA', 'GBR', 'RUS', 'SUN', 'USA') AND ms_vote IN ('Y', 'N', 'A')
  UNION ALL
  SELECT 's' || ID, CASE "Member State" WHEN 'United States' THEN 'USA' WHEN 'China' THEN 'CHN' WHEN 'France' THEN 'FRA'
           WHEN 'United Kingdom' THEN 'GBR' ELSE 'SUN+RUS' END,
         CASE Vote WHEN 'Yes' THEN 'Y' WHEN 'No' THEN 'N' ELSE 'A' END
  FROM sheet WHERE date_corrected >= '2000-01-01' AND "Outcome results" LIKE 'Not adopted%'
    AND "Member State" IN ('China', 'France', 'Russian Federation', 'United Kingdom', 'United States'))
SELECT a.code, b.code, count(*), sum(a.vote = b.vote), round(avg(a.vote = b.vote), 3)
FROM v a JOIN v b ON a.id = b.id GROUP BY 1, 2 ORDER BY 1, 2;
