-- every request a new comment: its own Idempotency-Key and text (thread number, counter, start time)
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
counter = 0
request = function()
  counter = counter + 1
  local key = string.format("%d-%d-%d", thread_number, counter, started)
  local body = '{"content":"建议加强第' .. key .. '条关于危险化学品储存的安全检查频次。"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end
init = function(args)
  started = os.time()
end
