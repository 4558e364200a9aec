-- wrk script for answers not in the server's cache: PATH (replaced by the
-- calling script) holds two %s, a period's from and to. Each request asks
-- for a period no request asked before: thread k of the two (-t2) asks the
-- k-th of every pair, and a run given a round (wrk ... -- ROUND) asks
-- periods no other round asks, up to 1.1 million requests a run and 50
-- rounds. So the server's cache of answers never has the answer. Used by
-- bench/ratios.sh and bench/apirows.sh (the paths: bench/uncached.paths).
--
-- The baseline, /healthz, is asked through this same script with PATH
-- "/healthz" (no %s): every request still computes its period, formats
-- the path (string.format ignores the dates it has no place for) and
-- builds the request in Lua, so wrk spends per request on /healthz what it
-- spends on an answer, and the ratio of requests a second compares the
-- server's work only. wrk without a script sends one request built once,
-- with no Lua call at all: a /healthz asked that way (as these scripts
-- did until 2 December 2026) gave the baseline a cheaper client.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local round = 0
function init(args)
  round = tonumber(args[1] or "0")
end
local n = 0
request = function()
  n = n + 1
  local k = n * 2 + id
  -- from: a day of 1946-01-01 + 0..27999 days; to: a day back from
  -- 2030-01-01, a new one for every 28,000 requests and 40 for each round.
  local from = os.date("!%Y-%m-%d", -757382400 + (k % 28000) * 86400)
  local to = os.date("!%Y-%m-%d", 1893456000 - (round * 40 + math.floor(k / 28000)) * 86400)
  return wrk.format("GET", string.format(PATH, from, to))
end
