-- wrk script: GET a page and count answers other than 200 (a redirect to the sign-in page would otherwise
-- pass for a fast success). With CASE_IDS_FILE set, each request reads the case page of an id picked in turn
-- from the file (one id a line), each thread starting at a different place.
local ids = {}
local file = os.getenv("CASE_IDS_FILE")
if file then
  for line in io.lines(file) do
    if #line > 0 then ids[#ids + 1] = line end
  end
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  next_index = offset
  not_ok = 0
end

function request()
  if #ids > 0 then
    next_index = next_index + 1
    return wrk.format("GET", "/cases/" .. ids[(next_index % #ids) + 1])
  end
  return wrk.format("GET")
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
  io.write(string.format("Answers other than 200: %d\n", total))
end
