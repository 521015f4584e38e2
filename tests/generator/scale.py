#!/usr/bin/env python3
"""specc generate scales: time it on the specs tests/generator/bigspec.py makes.

usage: scale.py SPECC WORKDIR budget [N [SECONDS]]
       scale.py SPECC WORKDIR linear [N [FACTOR [BOUND]]]
       scale.py SPECC WORKDIR compile [N]

budget   generate the N-type spec (default 1000, 20 000 fields) in under
         SECONDS (default 1).
linear   time(FACTOR·N) / time(N) stays under BOUND (defaults 1000, 4, 6):
         linear work gives about FACTOR, quadratic work FACTOR².
compile  the C generated for the N-type spec compiles with gcc -std=c99
         and strict warnings as errors.

Each time is the best of three runs, and it is CPU time (user + system) of
the specc process, not the wall clock: on a shared machine the wall clock
also counts the time other processes hold the cores, which says nothing
about specc. Both are printed.
"""

import os
import resource
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bigspec  # noqa: E402

RUNS = 3


def write_spec(workdir, n):
    path = os.path.join(workdir, "big%d.yaml" % n)
    with open(path, "w", encoding="utf-8") as f:
        f.write(bigspec.spec(n))
    return path


def generate_once(specc, spec, out):
    """One `specc generate` into a fresh OUT: (cpu seconds, wall seconds)."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run([specc, "generate", "-o", out, spec],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stdout.write(done.stdout.decode("utf-8", "replace"))
        raise SystemExit("FAIL: specc generate %s exited %d" % (spec, done.returncode))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def best_time(specc, workdir, n):
    """Best CPU time of RUNS generates of the n-type spec (seconds)."""
    spec = write_spec(workdir, n)
    out = os.path.join(workdir, "out%d" % n)
    runs = [generate_once(specc, spec, out) for _ in range(RUNS)]
    cpu = min(r[0] for r in runs)
    print("N=%d (%d fields): cpu %s, wall %s; best cpu %.3f s"
          % (n, n * bigspec.FIELDS_PER_TYPE,
             " ".join("%.3f" % r[0] for r in runs),
             " ".join("%.3f" % r[1] for r in runs), cpu))
    return cpu


def budget(specc, workdir, args):
    n = int(args[0]) if args else 1000
    limit = float(args[1]) if len(args) > 1 else 1.0
    cpu = best_time(specc, workdir, n)
    if cpu >= limit:
        raise SystemExit("FAIL: %d types took %.3f s, the budget is %.3f s" % (n, cpu, limit))
    print("ok: %.3f s < %.3f s" % (cpu, limit))


def linear(specc, workdir, args):
    n = int(args[0]) if args else 1000
    factor = int(args[1]) if len(args) > 1 else 4
    bound = float(args[2]) if len(args) > 2 else 6.0
    small = best_time(specc, workdir, n)
    large = best_time(specc, workdir, n * factor)
    ratio = large / max(small, 1e-3)
    if ratio >= bound:
        raise SystemExit("FAIL: time(%d)/time(%d) = %.2f, not below %.2f (linear: about %d)"
                         % (n * factor, n, ratio, bound, factor))
    print("ok: time(%d)/time(%d) = %.2f < %.2f" % (n * factor, n, ratio, bound))


def compile_c(specc, workdir, args):
    n = int(args[0]) if args else 1000
    spec = write_spec(workdir, n)
    out = os.path.join(workdir, "compile%d" % n)
    generate_once(specc, spec, out)
    flags = ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wshadow",
             "-Wstrict-prototypes", "-Wmissing-prototypes", "-D_POSIX_C_SOURCE=200809L"]
    cmd = ["gcc"] + flags + ["-I" + out, "-c", os.path.join(out, "big.c"),
                             "-o", os.path.join(out, "big.o")]
    if subprocess.run(cmd).returncode != 0:
        raise SystemExit("FAIL: %s" % " ".join(cmd))
    print("ok: the C of %d types compiles with %s" % (n, " ".join(flags)))


def main(argv):
    if len(argv) < 4 or argv[3] not in ("budget", "linear", "compile"):
        raise SystemExit(__doc__)
    specc, mode, args = argv[1], argv[3], argv[4:]
    workdir = os.path.join(argv[2], mode)  # each test its own files
    os.makedirs(workdir, exist_ok=True)
    {"budget": budget, "linear": linear, "compile": compile_c}[mode](specc, workdir, args)


if __name__ == "__main__":
    main(sys.argv)
