-- wrk script for bench/crawl.sh: each request takes the next path of a list, so every path is asked for once
-- (a crawler's walk) until the list runs out; then it starts over (requests for a path asked before are counted as
-- repeats and reported).
--   wrk -s bench/crawl.lua URL -- paths.txt [first] [count]
-- Threads take interleaved turns over the paths [first, first + count). Statuses other than 200 are counted.
-- With CRAWL_ONCE=1 in the environment a thread stops once each of its paths is answered (a crawler asks once; a
-- second ask is a page the cache may keep); the few requests in flight past the end are counted as repeats.
local paths, first, count = {}, 0, 0
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } crawl_timespec;
  int clock_gettime(int clock, crawl_timespec *t);
]]

-- Seconds on the monotonic clock: wrk's own rate divides by the whole -d duration, even for threads that stopped.
local function now()
  local t = ffi.new("crawl_timespec")
  ffi.C.clock_gettime(1, t)
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1]
  first = tonumber(args[2] or "0")
  local i = 0
  for line in io.lines(file) do
    if i >= first and (args[3] == nil or #paths < tonumber(args[3])) then
      table.insert(paths, line)
    end
    i = i + 1
  end
  count = #paths
  nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  next_index = id + 1
  requests, repeats, statuses, answered = 0, 0, {}, 0
  once = os.getenv("CRAWL_ONCE") == "1"
  share = 0
  for i = id + 1, count, nthreads do share = share + 1 end
  started, finished = now(), -1
end

function request()
  if next_index > count then
    next_index = ((next_index - 1) % count) + 1
  end
  if requests >= share then
    repeats = repeats + 1
  end
  local path = paths[next_index]
  next_index = next_index + nthreads
  requests = requests + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then
    statuses[status] = (statuses[status] or 0) + 1
  end
  answered = answered + 1
  if once and answered >= share and finished < 0 then
    finished = now()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests_)
  local total_repeats, bad, first_start, last_finish = 0, {}, math.huge, 0
  for _, t in ipairs(threads) do
    first_start = math.min(first_start, t:get("started"))
    last_finish = t:get("finished") < 0 and math.huge or math.max(last_finish, t:get("finished"))
    total_repeats = total_repeats + t:get("repeats")
    local s = t:get("statuses")
    for code, n in pairs(s) do bad[code] = (bad[code] or 0) + n end
  end
  local line = "crawl: repeats " .. total_repeats
  for code, n in pairs(bad) do line = line .. " status" .. code .. "=" .. n end
  io.write(line .. "\n")
  -- Every thread ran out of paths before the end: the rate over the time they ran, not over -d.
  if last_finish < math.huge then
    io.write(string.format("crawl-rate: %.0f in %.2f s\n", summary.requests / (last_finish - first_start),
      last_finish - first_start))
  end
end
