-- unsc trends: per year, decisions, resolutions, those adopted without a
-- vote, the share adopted unanimously, vetoed drafts, vetoes per member,
-- abstentions and failed drafts: the library's tables for the decisions, the
-- UN Digital Library for the positions, the veto list for the vetoes.
WITH r AS (SELECT undl_id, substr(min(date), 1, 4) AS year, max(CAST(total_yes AS INTEGER) = CAST(total_ms AS INTEGER)) AS unanimous,
             sum(ms_vote = 'A') AS abstentions, max(modality = 'Without vote') AS without_vote FROM undl GROUP BY undl_id),
     ry AS (SELECT year, count(*) AS resolutions, sum(without_vote) AS wv, avg(unanimous) AS us, sum(abstentions) AS ab FROM r GROUP BY year),
     a AS (SELECT year, count(*) AS decisions, sum(action_type = 'draft_vetoed') AS vetoed, sum(action_type = 'draft_not_adopted') AS failed
           FROM actions WHERE action_type IN ('resolution_adopted', 'draft_vetoed', 'draft_not_adopted') GROUP BY year),
     v AS (SELECT substr(date, 1, 4) AS year, sum(length(permanent_member_casting_negative_vote) - length(replace(permanent_member_casting_negative_vote, '|', '')) + 1) AS members
           FROM vetoes GROUP BY 1)
SELECT ry.year, coalesce(a.decisions, ry.resolutions), ry.resolutions, ry.wv, round(ry.us, 3), coalesce(a.vetoed, 0), coalesce(v.members, 0), ry.ab, coalesce(a.failed, 0)
FROM ry LEFT JOIN a ON a.year = ry.year LEFT JOIN v ON v.year = ry.year ORDER BY ry.year;
