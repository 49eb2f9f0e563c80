#!/usr/bin/env python3
"""Drives a command under a pseudo-terminal, like a user at a plain terminal.

Usage: pty_drive.py DIALOGUE -- COMMAND [ARG...]

DIALOGUE lines:  'send TEXT' types TEXT and Enter ('\\t' is a tab), 'send' alone types Enter,
'expect TEXT' waits (60 s at most) until TEXT appears in the output after the previous match,
'eof' types Ctrl-D. Prints everything the terminal showed, then 'EXIT <code>' (or 'EXIT timeout',
'EXPECT-FAILED <text>'). Only the command it started is ever stopped, by its pid.
"""
import os
import pty
import select
import subprocess
import sys
import time


def main():
    dialogue = open(sys.argv[1], encoding="utf-8").read().splitlines()
    command = sys.argv[sys.argv.index("--") + 1:]
    master, slave = pty.openpty()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                             close_fds=True)
    os.close(slave)
    out = bytearray()

    def read(timeout):
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal
            return False
        out.extend(data)
        return bool(data)

    def finish(status):
        if child.poll() is None:
            child.kill()
            child.wait()
        sys.stdout.buffer.write(bytes(out))
        sys.stdout.write("\n" + status + "\n")
        sys.stdout.flush()
        sys.exit(0)

    pos = 0
    for line in dialogue:
        if line == "send" or line.startswith("send "):
            os.write(master, line[5:].replace("\\t", "\t").encode("utf-8") + b"\n")
        elif line == "eof":
            os.write(master, b"\x04")
        elif line.startswith("expect "):
            text = line[7:].encode("utf-8")
            deadline = time.time() + 60
            while True:
                i = out.find(text, pos)
                if i >= 0:
                    pos = i + len(text)
                    break
                if time.time() > deadline or (not read(0.2) and child.poll() is not None):
                    finish("EXPECT-FAILED " + line[7:])
        time.sleep(0.05)  # a person types one line at a time
    deadline = time.time() + 120
    while child.poll() is None and time.time() < deadline:
        read(0.2)
    while read(0.2) and select.select([master], [], [], 0)[0]:
        pass
    finish("EXIT " + (str(child.returncode) if child.poll() is not None else "timeout"))


if __name__ == "__main__":
    main()
