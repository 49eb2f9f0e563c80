#!/usr/bin/env python3
"""Writes generated .scs scripts for the end-to-end benchmarks (bench/run-*.sh).

  gen-suite.py suite DIR [N]        N scripts (default 50): 3 actors, 22 steps each
  gen-suite.py ping DIR [N]         one script: 1 actor, N ping round-trips (default 200)
  gen-suite.py muc DIR N            one script: N actors join one MUC room
  gen-suite.py tiny DIR             one script: connect, ping, disconnect (3 steps)
  gen-suite.py connect DIR [N]      N scripts: the suite's 3 actors connect and disconnect only

Accounts are unique per script (Prosody's test config logs in any name with any password),
and every suite script uses its own room, so scripts do not see each other's traffic.
"""
import os
import sys

MUC = "conference.localhost"


def actors(names, prefix):
    out = []
    for n in names:
        out += [f"[Client] {n}", f"\tjid: {prefix}{n.lower()}@localhost", "\tpassword: password", ""]
    return out


def block(who, verb, xml):
    return [f"{who} {verb}:"] + ["\t" + line for line in xml.strip().splitlines()] + [""]


def suite_script(i):
    room = f"room{i:03d}@{MUC}"
    lines = [f"# Generated suite script {i}", ""] + actors(["A", "B", "C"], f"s{i:03d}") + ["-----", ""]
    lines += ["A connects", "", "B connects", "", "C connects", ""]
    lines += block("A", "sends", "<presence/>")
    lines += block("A", "sends", f"<message to=\"${{B's full JID}}\" type='chat' id='m1'><body>hello {i}</body></message>")
    lines += block("B", "receives", f"<message from=\"${{A's full JID}}\" type='chat'><body>hello {i}</body></message>")
    lines += block("B", "sends", f"<message to=\"${{C's full JID}}\" type='chat' id='m2'><body>hi C</body></message>")
    lines += block("C", "receives", "<message from=\"${B's full JID}\" type='chat'><body>hi C</body></message>")
    lines += block("A", "sends", "<iq type='get' id='ping1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>")
    lines += block("A", "receives", "<iq type='result' id='ping1' from='localhost'/>")
    lines += block("B", "sends", "<iq type='get' id='ver1' to='localhost'><query xmlns='jabber:iq:version'/></iq>")
    lines += block("B", "receives", "<iq type='result' id='ver1' from='localhost'>\n"
                   "\t<query xmlns='jabber:iq:version' scansion:strict='false'><name/></query>\n</iq>")
    lines += block("A", "sends", f"<presence to='{room}/A'><x xmlns='http://jabber.org/protocol/muc'/></presence>")
    lines += block("A", "receives", f"<presence from='{room}/A'>\n"
                   "\t<x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'><status code='110'/></x>\n</presence>")
    lines += block("A", "receives", f"<message type='groupchat' from='{room}'><subject/></message>")
    lines += block("A", "sends", f"<iq type='set' id='cfg1' to='{room}'>\n"
                   "\t<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query>\n</iq>")
    lines += block("A", "receives", f"<iq type='result' id='cfg1' from='{room}'/>")
    lines += block("B", "sends", f"<presence to='{room}/B'><x xmlns='http://jabber.org/protocol/muc'/></presence>")
    lines += block("B", "receives", f"<presence from='{room}/B'>\n"
                   "\t<x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'><status code='110'/></x>\n</presence>")
    lines += block("A", "receives", f"<presence from='{room}/B'/>")
    lines += block("B", "sends", f"<message to='{room}' type='groupchat' id='g1'><body>hi room</body></message>")
    lines += block("A", "receives", f"<message from='{room}/B' type='groupchat'><body>hi room</body></message>")
    lines += block("C", "sends", "<iq type='get' id='ping2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>")
    lines += block("C", "receives", "<iq type='result' id='ping2' from='localhost'/>")
    lines += ["C disconnects", "", "B disconnects", "", "A disconnects", ""]
    return "\n".join(lines)


def ping_script(n):
    lines = ["# Generated: ping round-trips", ""] + actors(["P"], "ping") + ["-----", "", "P connects", ""]
    for k in range(n):
        lines += block("P", "sends", f"<iq type='get' id='p{k}' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>")
        lines += block("P", "receives", f"<iq type='result' id='p{k}' from='localhost'/>")
    lines += ["P disconnects", ""]
    return "\n".join(lines)


def muc_script(n):
    names = [f"U{k:04d}" for k in range(n)]
    room = f"big@{MUC}"
    lines = [f"# Generated: {n} actors join one room", ""] + actors(names, "m") + ["-----", ""]
    first = names[0]
    lines += [f"{first} connects", ""]
    lines += block(first, "sends", f"<presence to='{room}/{first}'><x xmlns='http://jabber.org/protocol/muc'/></presence>")
    lines += block(first, "receives", f"<presence from='{room}/{first}'/>")
    lines += block(first, "sends", f"<iq type='set' id='cfg' to='{room}'>\n"
                   "\t<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query>\n</iq>")
    lines += block(first, "receives", f"<iq type='result' id='cfg' from='{room}'/>")
    for n_ in names[1:]:
        lines += [f"{n_} connects", ""]
        lines += block(n_, "sends", f"<presence to='{room}/{n_}'><x xmlns='http://jabber.org/protocol/muc'/></presence>")
        lines += block(n_, "receives", f"<presence from='{room}/{n_}'>\n"
                       "\t<x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'><status code='110'/></x>\n</presence>")
        # The first occupant sees every join: checks that fan-out reaches an early actor.
        lines += block(first, "receives", f"<presence from='{room}/{n_}'/>")
    lines += block(names[-1], "sends", f"<message to='{room}' type='groupchat' id='last'><body>bye</body></message>")
    lines += block(first, "receives", f"<message from='{room}/{names[-1]}' type='groupchat'><body>bye</body></message>")
    return "\n".join(lines)


def tiny_script():
    lines = ["# Generated: one actor, 3 steps", ""] + actors(["T"], "tiny") + ["-----", "", "T connects", ""]
    lines += block("T", "sends", "<iq type='get' id='t1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>")
    lines += block("T", "receives", "<iq type='result' id='t1' from='localhost'/>")
    lines += ["T disconnects", ""]
    return "\n".join(lines)


def connect_script(i):
    lines = [f"# Generated connect-only script {i}", ""] + actors(["A", "B", "C"], f"s{i:03d}") + ["-----", ""]
    lines += ["A connects", "", "B connects", "", "C connects", "", "C disconnects", "", "B disconnects", "", "A disconnects", ""]
    return "\n".join(lines)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    kind, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    if kind == "suite":
        for i in range(int(argv[3]) if len(argv) > 3 else 50):
            write(os.path.join(out, f"suite_{i:03d}.scs"), suite_script(i))
    elif kind == "ping":
        write(os.path.join(out, "ping.scs"), ping_script(int(argv[3]) if len(argv) > 3 else 200))
    elif kind == "muc":
        write(os.path.join(out, f"muc_{argv[3]}.scs"), muc_script(int(argv[3])))
    elif kind == "connect":
        for i in range(int(argv[3]) if len(argv) > 3 else 50):
            write(os.path.join(out, f"connect_{i:03d}.scs"), connect_script(i))
    elif kind == "tiny":
        write(os.path.join(out, "tiny.scs"), tiny_script())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
