-- wrk script for `make bench` (scripts/bench.py sets the environment):
--   BENCH_METHOD  GET (default) or POST
--   BENCH_AUTH    one header line, "Cookie: sessionid=...; csrftoken=..." or "Authorization: Bearer ..."
--   BENCH_BODY    a JSON body; every "{n}" in it becomes a value unique to this run, thread and request
--   BENCH_STAMP   the run's stamp, so bodies stay unique across runs too
-- done() prints one line, "BENCH_JSON {...}", that scripts/bench_report.parse_wrk_output reads.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local auth = os.getenv("BENCH_AUTH") or ""
if auth ~= "" then
  local name, value = auth:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
local body = os.getenv("BENCH_BODY") or ""
local stamp = os.getenv("BENCH_STAMP") or "0"
if body ~= "" then
  wrk.headers["Content-Type"] = "application/json"
end

-- Set per thread by setup(); globals, so thread:set/get reach them.
thread_id = 0
unexpected = 0
local counter = 0

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

if body ~= "" then
  function request()
    counter = counter + 1
    local unique = stamp .. "-" .. thread_id .. "-" .. counter
    return wrk.format(nil, nil, nil, (body:gsub("{n}", unique)))
  end
end

-- Any answer but 2xx is a failure here: every page was checked to answer 200 (or 201) before the load,
-- so a redirect means a lost session, which wrk alone would count as a success.
function response(status, headers, response_body)
  if status < 200 or status > 299 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "unexpected": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "mean": %.1f, "max": %d}}\n',
    summary.requests, summary.duration, wrong,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max
  ))
end
