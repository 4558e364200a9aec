-- unsc member USA: per year, the decisions with its position known, its
-- positions, its vetoes, and how often it sided with each permanent seat
-- (the USSR's continued by the Russian Federation), over the UN Digital
-- Library's resolutions and the spreadsheet's failed drafts. Each source's
-- rows are joined to the same decision's rows through its index (undl_id,
-- sheet_id), as a person would write it.
WITH pairs(year, id, mvote, ocode, ovote) AS (
  SELECT substr(m.date, 1, 4), m.undl_id, m.ms_vote, CASE o.ms_code WHEN 'SUN' THEN 'RUS' ELSE o.ms_code END, o.ms_vote
  FROM undl m JOIN undl o ON o.undl_id = m.undl_id AND o.ms_code IN ('CHN', 'FRA', 'GBR', 'RUS', 'SUN', 'USA')
  WHERE m.ms_code = 'USA'
  UNION ALL
  SELECT substr(m.date_corrected, 1, 4), 's' || m.ID, CASE m.Vote WHEN 'Yes' THEN 'Y' WHEN 'No' THEN 'N' ELSE 'A' END,
         CASE o."Member State" WHEN 'United States' THEN 'USA' WHEN 'China' THEN 'CHN' WHEN 'France' THEN 'FRA'
           WHEN 'United Kingdom' THEN 'GBR' ELSE 'RUS' END,
         CASE o.Vote WHEN 'Yes' THEN 'Y' WHEN 'No' THEN 'N' ELSE 'A' END
  FROM sheet m JOIN sheet o ON o.ID = m.ID
    AND o."Member State" IN ('China', 'France', 'Russian Federation', 'United Kingdom', 'United States')
  WHERE m."Member State" = 'United States' AND m."Outcome results" LIKE 'Not adopted%')
SELECT year, count(DISTINCT id), count(DISTINCT id), sum(mvote = 'Y' AND ocode = 'USA'), sum(mvote = 'N' AND ocode = 'USA'),
       sum(mvote = 'A' AND ocode = 'USA'), sum(mvote = 'X' AND ocode = 'USA'), 0,
       (SELECT count(*) FROM vetoes WHERE substr(date, 1, 4) = year AND permanent_member_casting_negative_vote LIKE '%United States%'),
       avg(CASE WHEN ocode = 'CHN' THEN mvote = ovote END), avg(CASE WHEN ocode = 'FRA' THEN mvote = ovote END),
       avg(CASE WHEN ocode = 'GBR' THEN mvote = ovote END), avg(CASE WHEN ocode = 'RUS' THEN mvote = ovote END),
       avg(CASE WHEN ocode = 'USA' THEN mvote = ovote END)
FROM pairs GROUP BY year ORDER BY year;
