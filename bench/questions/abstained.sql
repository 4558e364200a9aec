-- Every decision the United Kingdom abstained on since 2000.
SELECT date_corrected, Resolution, Draft, "Agenda item" FROM sheet
WHERE "Member State" = 'United Kingdom' AND Vote = 'Abstain' AND date_corrected >= '2000-01-01'
ORDER BY date_corrected;
