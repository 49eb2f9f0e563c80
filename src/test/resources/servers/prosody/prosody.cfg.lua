-- Prosody configuration for scansion's tests (Prosody 0.12).
-- Written into a fresh directory per server by dev.scansion.testing.ProsodyServer,
-- which replaces the {{...}} placeholders. Never used with the system configuration.

-- Everything lives in the private directory; nothing listens beyond loopback.
data_path = "{{DIR}}/data"
pidfile = "{{DIR}}/prosody.pid"
certificates = "{{DIR}}/certs"
interfaces = { "127.0.0.1" }
c2s_interfaces = { "127.0.0.1" }
c2s_ports = { {{PORT}} }
-- TCP_NODELAY: with Nagle on, Prosody holds small replies for ~40 ms twice per script
-- (measured in BENCHMARKS.md); tests and specs only get slower, never more faithful.
network_settings = { nagle = false }
s2s_ports = { }

log = {
	{ levels = { min = "debug" }, to = "file", filename = "{{DIR}}/prosody.log" };
	{ levels = { min = "error" }, to = "console" };
}

admins = { "admin@localhost" }

-- Any user name with any password logs in; no account needs registering.
authentication = "insecure"
insecure_open_authentication = "Yes please, I know what I'm doing!"
-- The insecure provider only offers PLAIN, with or without TLS.
{{TLS}}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true

-- State lives in memory: every server starts empty.
storage = "memory"

modules_enabled = {
	"roster";
	"saslauth";
	"disco";
	"carbons";
	"pep";
	"private";
	"blocklist";
	"bookmarks";
	"vcard4";
	"vcard_legacy";
	"version";
	"uptime";
	"time";
	"ping";
	"lastactivity";
	"mam";
	{{TLS_MODULE}}
}
-- Loopback tests need no federation: no s2s listener, no s2s connections.
modules_disabled = { "s2s"; "s2s_auth_certs" }

{{EXTRA}}

VirtualHost "localhost"

Component "conference.localhost" "muc"
	modules_enabled = { "muc_mam" }

Component "pubsub.localhost" "pubsub"

{{TLS_HOSTS}}
