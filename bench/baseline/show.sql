-- unsc show "S/RES/2728 (2024)": date, meeting, draft, title, agenda, count,
-- each member's position, and the sources (the UN Digital Library's record
-- and the spreadsheet's row). NUM is the resolution's number.
SELECT u.date, u.meeting, s.Draft, u.description, coalesce(nullif(u.agenda, ''), s."Agenda item"),
       u.total_yes || '-' || u.total_no || '-' || u.total_abstentions,
       group_concat(u.ms_name || '=' || u.ms_vote, ', '), u.undl_link, s.ID
FROM undl u LEFT JOIN (SELECT * FROM sheet WHERE res_no = 'NUM' LIMIT 1) s
WHERE u.resolution = 'S/RES/NUM(2024)' GROUP BY u.undl_id;
