-- Requests for wrk: PATH_PREFIX followed by a random line of IDS_FILE (a file holding "none" adds nothing).
-- REQUEST_MODE=expand asks for the 360 view; REQUEST_MODE=post posts the body in BODY_FILE.
local ids = {}
local prefix = ""
local expand = false
local body = nil

function init()
  for line in io.lines(os.getenv("IDS_FILE")) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  prefix = os.getenv("PATH_PREFIX")
  local mode = os.getenv("REQUEST_MODE")
  if mode == "expand" then expand = true end
  if mode == "post" then
    local file = io.open(os.getenv("BODY_FILE"), "rb")
    body = file:read("*a")
    file:close()
  end
  math.randomseed(os.time())
end

request = function()
  local id = ids[math.random(#ids)]
  local path = prefix
  if id ~= "none" then path = path .. id end
  if expand then path = path .. "?expand=recentInteractions" end
  if body then return wrk.format("POST", path, nil, body) end
  return wrk.format("GET", path)
end
