-- Every request a different query (two vocabulary words, a page of 10 to 20), so the in-service cache
-- can rarely answer it: this measures PostgreSQL full-text search itself.
local words = { "monitoring", "security", "cloud", "backup", "network", "firewall", "patching", "endpoint",
  "helpdesk", "ticket", "server", "storage", "identity", "compliance", "migration", "laptop", "vendor",
  "roadmap", "budget", "outage", "recovery", "ransomware", "phishing", "training", "onboarding", "remote",
  "wireless", "printer", "email", "collaboration", "automation", "capacity", "coverage", "escalation",
  "infrastructure", "upgrade", "policy", "audit", "reporting", "co-managed" }
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  return wrk.format("GET", "/api/search?q=" .. a .. "%20" .. b .. "&limit=" .. math.random(10, 20))
end
