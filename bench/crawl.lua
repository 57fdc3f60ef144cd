-- wrk script for bench/crawl.sh: each request takes the next path of a list, so every path is asked for once
-- (a crawler's walk) until the list runs out; then it starts over (those repeats are counted and reported).
--   wrk -s bench/crawl.lua URL -- paths.txt [first] [count]
-- Threads take interleaved turns over the paths [first, first + count). Statuses other than 200 are counted.
local paths, first, count = {}, 0, 0
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
  requests, repeats, statuses = 0, 0, {}
end

function request()
  if next_index > count then
    next_index = ((next_index - 1) % count) + 1
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
end

function done(summary, latency, requests_)
  local total_repeats, bad = 0, {}
  for _, t in ipairs(threads) do
    total_repeats = total_repeats + t:get("repeats")
    local s = t:get("statuses")
    for code, n in pairs(s) do bad[code] = (bad[code] or 0) + n end
  end
  local line = "crawl: repeats " .. total_repeats
  for code, n in pairs(bad) do line = line .. " status" .. code .. "=" .. n end
  io.write(line .. "\n")
end
