-- Pairwise agreement of the five permanent members since 2000 on adopted
-- resolutions: the self-join.
SELECT a.ms_code, b.ms_code, count(*), avg(a.ms_vote = b.ms_vote)
FROM undl a JOIN undl b ON a.undl_id = b.undl_id
WHERE a.ms_code IN ('CHN', 'FRA', 'GBR', 'RUS', 'USA') AND b.ms_code IN ('CHN', 'FRA', 'GBR', 'RUS', 'USA')
  AND a.date >= '2000-01-01' AND a.ms_vote IN ('Y', 'N', 'A') AND b.ms_vote IN ('Y', 'N', 'A')
GROUP BY 1, 2 ORDER BY 1, 2;
