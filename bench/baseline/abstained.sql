-- unsc decisions --member GBR --position A --from 2000-01-01: every decision
-- the United Kingdom abstained on since 2000, with its date, symbol, meeting,
-- outcome, count and agenda item, over the UN Digital Library's resolutions
-- and the spreadsheet's failed drafts (as member.sql and agreement.sql), so
-- that it answers for the scaled record too.
SELECT u.date, u.resolution, u.meeting, 'Adopted', u.total_yes || '-' || u.total_no || '-' || u.total_abstentions, 'A',
       coalesce(nullif(u.agenda, ''), (SELECT "Agenda item" FROM sheet
         WHERE res_no = substr(u.resolution, 7, instr(u.resolution, '(') - 7) LIMIT 1))
FROM undl u WHERE u.ms_code = 'GBR' AND u.ms_vote = 'A' AND u.date >= '2000-01-01'
UNION ALL
SELECT s.date_corrected, s.Draft, 'S/PV.' || s.Meeting, s."Outcome results",
       (SELECT sum(Vote = 'Yes') || '-' || sum(Vote = 'No') || '-' || sum(Vote = 'Abstain') FROM sheet t WHERE t.ID = s.ID),
       'A', s."Agenda item"
FROM sheet s
WHERE s."Member State" = 'United Kingdom' AND s.Vote = 'Abstain' AND s.date_corrected >= '2000-01-01'
  AND s."Outcome results" LIKE 'Not adopted%'
ORDER BY 1;
