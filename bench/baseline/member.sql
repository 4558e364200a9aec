-- unsc member USA: per year, the decisions with its position known, its
-- positions, its vetoes, and how often it sided with each permanent seat
-- (the USSR's continued by the Russian Federation), over the UN Digital
-- Library's resolutions and the spreadsheet's failed drafts.
WITH v(id, year, code, vote) AS (
  SELECT undl_id, substr(date, 1, 4), CASE ms_code WHEN 'SUN' THEN 'RUS' ELSE ms_code END, ms_vote FROM undl
  UNION ALL
  SELECT 's' || ID, substr(date_corrected, 1, 4),
         CASE "Member State" WHEN 'United States' THEN 'USA' WHEN 'China' THEN 'CHN' WHEN 'France' THEN 'FRA'
           WHEN 'United Kingdom' THEN 'GBR' WHEN 'Russian Federation' THEN 'RUS' ELSE "Member State" END,
         CASE Vote WHEN 'Yes' THEN 'Y' WHEN 'No' THEN 'N' ELSE 'A' END
  FROM sheet WHERE "Outcome results" LIKE 'Not adopted%'),
  m AS (SELECT * FROM v WHERE code = 'USA')
SELECT m.year, count(DISTINCT m.id), count(DISTINCT m.id), sum(m.vote = 'Y' AND o.code = 'USA'), sum(m.vote = 'N' AND o.code = 'USA'),
       sum(m.vote = 'A' AND o.code = 'USA'), sum(m.vote = 'X' AND o.code = 'USA'), 0,
       (SELECT count(*) FROM vetoes WHERE substr(date, 1, 4) = m.year AND permanent_member_casting_negative_vote LIKE '%United States%'),
       avg(CASE WHEN o.code = 'CHN' THEN m.vote = o.vote END), avg(CASE WHEN o.code = 'FRA' THEN m.vote = o.vote END),
       avg(CASE WHEN o.code = 'GBR' THEN m.vote = o.vote END), avg(CASE WHEN o.code = 'RUS' THEN m.vote = o.vote END),
       avg(CASE WHEN o.code = 'USA' THEN m.vote = o.vote END)
FROM m JOIN v o ON o.id = m.id AND o.code IN ('CHN', 'FRA', 'GBR', 'RUS', 'USA')
GROUP BY m.year ORDER BY m.year;
