#!/usr/bin/python3
"""A conversation by slixmpp (python3-slixmpp), a client nobody in this project wrote, for the
recorder's tests: two accounts log in, Romeo adds Juliet to his roster, sends her a chat message,
asks the server's disco#info, joins a MUC room, and queries his archive (MAM) for the first
message. Every step waits for its answer before the next, so that the conversation is the same
each time.

    slixmpp_conversation.py HOST PORT DOMAIN TLS CAFILE
      TLS: "starttls" (STARTTLS required, the certificate checked against CAFILE) or "plain"
Exit code 0 when every step got its answer, 1 otherwise (the reason on stderr).
"""
import asyncio
import ssl
import sys

import slixmpp


def client(jid, password, host, port, tls, cafile):
    c = slixmpp.ClientXMPP(jid, password)
    c.register_plugin('xep_0030')
    c.register_plugin('xep_0045')
    c.register_plugin('xep_0313')
    # Plain PLAIN is what a test account on loopback uses when the stream is not encrypted.
    c['feature_mechanisms'].unencrypted_plain = tls == 'plain'
    c.whitespace_keepalive = False
    if tls == 'starttls':
        c.ssl_context = ssl.create_default_context(cafile=cafile)
        c.ssl_context.check_hostname = False
    started = asyncio.get_event_loop().create_future()
    c.add_event_handler('session_start', lambda _: started.done() or started.set_result(True))
    c.add_event_handler('failed_auth', lambda _: started.done() or started.set_exception(RuntimeError('auth failed')))
    c.connect(address=(host, port), force_starttls=tls == 'starttls', disable_starttls=tls == 'plain')
    return c, started


async def conversation(host, port, domain, tls, cafile):
    romeo, romeo_started = client('romeo@' + domain + '/balcony', 'password', host, port, tls, cafile)
    await asyncio.wait_for(romeo_started, 10)
    juliet, juliet_started = client('juliet@' + domain + '/garden', 'password', host, port, tls, cafile)
    await asyncio.wait_for(juliet_started, 10)

    await romeo.update_roster('juliet@' + domain, name='Juliet', subscription='none')

    got = asyncio.get_event_loop().create_future()
    juliet.add_event_handler('message', lambda m: got.done() or got.set_result(m['body']))
    romeo.send_message(mto=juliet.boundjid.full, mbody='Wherefore art thou?', mtype='chat')
    body = await asyncio.wait_for(got, 10)
    if body != 'Wherefore art thou?':
        raise RuntimeError('Juliet got ' + repr(body))

    await romeo['xep_0030'].get_info(jid=domain, timeout=10)

    await romeo['xep_0045'].join_muc_wait('verona@conference.' + domain, 'Romeo', maxchars=0, timeout=10)

    await romeo['xep_0313'].retrieve(with_jid=slixmpp.JID('juliet@' + domain), rsm={'max': 1},
                                     timeout=10)

    for c in (romeo, juliet):
        c.disconnect()
        await c.disconnected


def main():
    host, port, domain, tls, cafile = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    try:
        asyncio.get_event_loop().run_until_complete(asyncio.wait_for(conversation(host, port, domain, tls, cafile), 60))
    except Exception as e:
        print('slixmpp conversation failed: %s: %s' % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
