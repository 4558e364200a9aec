-- unsc vetoes --by member: vetoes per member over the whole record, counted
-- per member (a joint veto counts for each): the library's veto list to its
-- last date, then the spreadsheet's vetoes after it.
WITH p(code, name) AS (VALUES ('CHN', 'China'), ('FRA', 'France'), ('GBR', 'United Kingdom'),
  ('RUS', 'Russian Federation'), ('SUN', 'USSR'), ('USA', 'United States'))
SELECT code, sum(n) FROM (
  SELECT p.code, count(*) AS n FROM vetoes v JOIN p ON instr(v.permanent_member_casting_negative_vote, p.name) > 0 GROUP BY 1
  UNION ALL
  SELECT p.code, count(DISTINCT s.ID) FROM sheet s JOIN p ON s."Member State" = p.name
  WHERE s."Outcome results" = 'Not adopted - veto' AND s.Vote = 'No' AND s.date_corrected > (SELECT max(date) FROM vetoes) GROUP BY 1)
GROUP BY 1 ORDER BY 1;
