-- unsc decisions --member GBR --position A --from 2000-01-01: every decision
-- the United Kingdom abstained on since 2000, with its date, symbol, meeting,
-- outcome, count and agenda item.
SELECT s.date_corrected, coalesce(nullif('S/RES/' || s.Resolution, 'S/RES/'), s.Draft), 'S/PV.' || s.Meeting,
       s."Outcome results",
       (SELECT sum(Vote = 'Yes') || '-' || sum(Vote = 'No') || '-' || sum(Vote = 'Abstain') FROM sheet t WHERE t.ID = s.ID),
       'A', s."Agenda item"
FROM sheet s
WHERE s."Member State" = 'United Kingdom' AND s.Vote = 'Abstain' AND s.date_corrected >= '2000-01-01'
ORDER BY s.date_corrected;
