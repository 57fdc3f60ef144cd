-- wrk script: every request asks for the next path of a list (one per line, in PATHS, default bench/out/paths.txt),
-- each thread starting at its own offset, so a run walks distinct pages as a crawler does and none repeats until
-- the list is used up.
local paths = {}
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("PATHS") or "bench/out/paths.txt"
  for line in io.lines(file) do
    paths[#paths + 1] = line
  end
  local count = tonumber(os.getenv("THREADS") or "2")
  next_index = math.floor((id - 1) * #paths / count)
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
