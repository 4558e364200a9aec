-- Vetoes by permanent member: negative votes of permanent members on drafts
-- the spreadsheet records as vetoed (1994-2025 only: the raw CSVs hold no
-- failed drafts before 1994).
SELECT "Member State", count(*) FROM sheet
WHERE "Outcome results" = 'Not adopted - veto' AND Vote = 'No'
  AND "Member State" IN ('China', 'France', 'Russian Federation', 'United Kingdom', 'United States')
GROUP BY 1 ORDER BY 1;
