#!/usr/bin/env python3
"""cpu_ms.py OUT CMD... — run CMD (standard input, output and error passed
through), write the CPU time it used (user + system, in milliseconds, its
children included) into OUT, and exit with its status. Budgets in CPU time
hold on a loaded machine, where wall time can double."""
import resource
import subprocess
import sys


def main():
    out, cmd = sys.argv[1], sys.argv[2:]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    status = subprocess.call(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(out, "w") as f:
        f.write(f"{int(cpu * 1000)}\n")
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
