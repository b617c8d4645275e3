-- wrk script: POST one submission per request, each with a fresh UUID so every request creates a
-- new submission, result, consent record and lead. The email address carries the same UUID: every
-- request is a different prospect, as in production, so screening does not hold the repeats (the
-- same answers and contact details again within a day) in quarantine instead of creating a lead,
-- which would be other, lighter work than the captured transaction pgbench runs.
local token = os.getenv("BENCH_TOKEN")
local threads = {}
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("thread_id", counter)
	table.insert(threads, thread)
end

function init(args)
	math.randomseed(os.time() * 1000 + thread_id * 7919)
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
	wrk.headers["Authorization"] = "Bearer " .. token
end

local employees = { "1-10", "11-50", "51-200", "201-1000", "1000+" }
local internal = { "none", "tech_savvy_staff", "it_person", "it_team", "it_department" }
local workloads = { "manageable", "stretched", "overloaded" }
local preferences = { "keep_control", "balanced", "hand_off" }

-- Bodies are prepared once per thread (a mix of profiles), split where the fresh id goes into the
-- email address; each request only adds a fresh id, so the load generator spends as little of the
-- shared CPU as possible.
local bodies = {}

local function prepare()
	local consent = os.getenv("BENCH_CONSENT_VERSION")
	for _, size in ipairs(employees) do
		for _, it in ipairs(internal) do
			for _, preference in ipairs(preferences) do
				local workload = ""
				if it == "it_person" or it == "it_team" or it == "it_department" then
					workload = '"workload":"' .. workloads[math.random(#workloads)] .. '",'
				end
				local head = '","answers":{'
					.. '"employees":"' .. size .. '","internal_it":"' .. it .. '",' .. workload
					.. '"growth":"moderate","skills_gaps":["cybersecurity","microsoft_365"],'
					.. '"project_delays":"sometimes","support_wait":"often","coverage":"extended_hours",'
					.. '"security_complexity":"growing","tech_footprint":["cloud","remote_work"],'
					.. '"control_preference":"' .. preference .. '",'
					.. '"hiring":"somewhat_hard","predictability":"high"},'
					.. '"costs":{"tools_spend":12000},'
					.. '"contact":{"name":"Bench Prospect","email":"bench+'
				table.insert(bodies, { head, '@example.com","company":"Bench Ltd"},'
					.. '"consent":{"accepted":true,"textVersion":"' .. consent .. '"},'
					.. '"attribution":{"utm_source":"bench"}}' })
			end
		end
	end
end

local function uuid()
	return string.format("%08x-%04x-4%03x-%04x-%06x%06x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
		math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffff), math.random(0, 0xffffff))
end

local counter_in_thread = 0

function request()
	if #bodies == 0 then
		prepare()
	end
	counter_in_thread = counter_in_thread + 1
	local id = uuid()
	local body = bodies[counter_in_thread % #bodies + 1]
	return wrk.format(nil, "/api/submissions", nil, '{"id":"' .. id .. body[1] .. id .. body[2])
end

local non201 = 0
function response(status, headers, body)
	if status ~= 201 then
		non201 = non201 + 1
		if non201 <= 3 then
			io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
		end
	end
end

function done(summary, latency, requests)
	local seconds = summary.duration / 1e6
	io.write(string.format("BENCH submissions=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
		summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
			+ summary.errors.write + summary.errors.timeout))
end
