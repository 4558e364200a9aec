-- Per year: resolutions adopted and the share adopted unanimously.
SELECT substr(date, 1, 4) AS year, count(*) AS resolutions,
       avg(total_yes = total_ms) AS unanimous_share
FROM (SELECT DISTINCT undl_id, date, CAST(total_yes AS INTEGER) AS total_yes, CAST(total_ms AS INTEGER) AS total_ms FROM undl)
GROUP BY 1 ORDER BY 1;
