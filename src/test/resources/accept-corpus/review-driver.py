#!/usr/bin/env python3
"""Runs a command under a pseudo-terminal and answers the accept mode's questions.

    review-driver.py ANSWERS -- COMMAND [ARG...]

ANSWERS is a comma-separated list: y, s, q, or "touch:PATH" (append a comment line to PATH, then
answer y: the script changed on disk while the run asked). Each answer is typed after one
"accept this change?" prompt. Everything the command printed goes to stdout; the exit code is the
command's. Bounded: gives up after 300 s.
"""
import os
import pty
import select
import subprocess
import sys
import time

PROMPT = b"accept this change?"


def main():
    sep = sys.argv.index("--")
    answers = sys.argv[1].split(",") if sys.argv[1] else []
    cmd = sys.argv[sep + 1:]
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    asked = 0
    deadline = time.time() + 300
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            while seen.count(PROMPT) > asked:
                answer = answers[asked] if asked < len(answers) else "q"
                asked += 1
                if answer.startswith("touch:"):
                    with open(answer[len("touch:"):], "a", encoding="utf-8") as f:
                        f.write("# changed while the run asked\n")
                    answer = "y"
                os.write(master, answer.encode() + b"\n")
        elif proc.poll() is not None:
            break
    else:
        proc.kill()
    code = proc.wait()
    sys.stdout.write(seen.decode("utf-8", "replace"))
    sys.stdout.write("\n[asked %d]\n" % asked)
    sys.exit(code)


if __name__ == "__main__":
    main()
