-- A member's positions: the United States on adopted resolutions.
SELECT ms_vote, count(*) FROM undl WHERE ms_code = 'USA' GROUP BY 1 ORDER BY 1;
