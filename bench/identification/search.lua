-- wrk script: the case list's search (GET /cases?q=...), each request with the next query from SEARCH_FILE (one
-- query a line: names as people type them, misspelt, in either order), each thread starting at a different place.
-- Answers other than 200 are counted (a lost session would otherwise pass for a fast success), and so are answers
-- that list no case, so that a search that finds nothing cannot pass for a fast one.
local queries = {}
for line in io.lines(os.getenv("SEARCH_FILE")) do
  if #line > 0 then queries[#queries + 1] = line:gsub(" ", "+") end
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("offset", counter * 13)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  next_index = offset
  not_ok = 0
  empty = 0
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", "/cases?q=" .. queries[(next_index % #queries) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  elseif not body:find('href="/cases/%x%x%x%x%x%x%x%x%-') then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local total, none = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not_ok")
    none = none + thread:get("empty")
  end
  io.write(string.format("Answers other than 200: %d\n", total))
  io.write(string.format("Searches that listed no case: %d\n", none))
end
