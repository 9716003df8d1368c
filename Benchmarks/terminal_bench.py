#!/usr/bin/env python3
"""Terminal responsiveness and memory of epuap-wizard against dialog, at 80x24 in a pseudo-terminal.

Each program runs in its own pty. "First paint" is the time from spawn to the last byte of the first
complete screen (the median of several starts, the programs started in turn); the wizard's start screen
is measured with the folder's summary cache in place (left by an unmeasured first start) and, separately,
without it. A keystroke's latency is the time from writing the key to the last byte of the repaint it
causes (the burst ends after SILENCE seconds without output); the three programs stay open side by side
and take their keys in turn, one key each, so that all of them are measured over the same minutes.
With a county's folder (COUNTY_DIR: 200 units) and a 5,000-card journal (BIG_JOURNAL), their start screen
and card list are measured the same way, beside the others.
Prints JSON. Arguments: WIZARD STATE_DIR CARDS_JOURNAL KEYS [STARTS [COUNTY_DIR BIG_JOURNAL]].
"""
import fcntl
import gc
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import termios
import time

SILENCE = 0.03
TERM = "xterm-256color"


def key_string(capability):
    """The bytes the terminal sends for a key in keypad mode (as ncurses programs set it), from terminfo."""
    import curses

    curses.setupterm(TERM, os.open(os.devnull, os.O_WRONLY))
    return curses.tigetstr(capability)


DOWN = key_string("kcud1")
UP = key_string("kcuu1")


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execvpe(argv[0], argv, env)
    return pid, fd


def read_burst(fd, start, marker=None, timeout=10.0):
    """Reads until `marker` has appeared (if given) and then SILENCE passes; returns the last byte's time."""
    data = b""
    last = None
    deadline = start + timeout
    seen = marker is None
    while time.monotonic() < deadline:
        wait = SILENCE if (seen and last is not None) else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            if seen and last is not None:
                return last, data
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
        if not seen and marker in data:
            seen = True
    return last, data


def drain(fd):
    while select.select([fd], [], [], SILENCE)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:  # already gone (and reaped)
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def first_paints(argv, env, marker, runs):
    """Spawn to the last byte of the first full screen, `runs` times: one start is one sample of a noisy
    quantity (page cache, scheduler), so the median of several is reported."""
    times = []
    for _ in range(runs):
        start = time.monotonic()
        pid, fd = spawn(argv, env)
        last, _ = read_burst(fd, start, marker)
        if last is not None:
            times.append((last - start) * 1000)
        stop(pid, fd)
    return times


def interleaved_first_paints(programs, runs):
    """First paints of several programs with their starts taken in turn (a, b, c, a, b, c, ...), so that a
    slow spell of the host falls on all of them alike; one list of times per program. A program given with
    a fourth element, a function, has it called before each of its starts."""
    times = [[] for _ in programs]
    for _ in range(runs):
        for index, (argv, env, marker, *prepare) in enumerate(programs):
            for step in prepare:
                step()
            times[index] += first_paints(argv, env, marker, 1)
    return times


SUMMARY_CACHE = ".spis-dziennikow.json"


def first_start(argv, env, marker, state_dir):
    """A clerk's first start in a folder, not measured: the first screen, then the wizard left open until it
    has read its journals in full and written the folder's summary cache (it starts on that a moment after
    the first frame), at most 10 seconds."""
    start = time.monotonic()
    pid, fd = spawn(argv, env)
    read_burst(fd, start, marker)
    cache = os.path.join(state_dir, SUMMARY_CACHE)
    while not os.path.exists(cache) and time.monotonic() - start < 10 and os.waitpid(pid, os.WNOHANG) == (0, 0):
        drain(fd)
    drain(fd)
    stop(pid, fd)


def remove_summary_cache(state_dir):
    """The start screen without the folder's summary cache: every journal is read in full before the first
    frame, as on the first start in a folder or after a journal was changed by something else."""
    try:
        os.remove(os.path.join(state_dir, SUMMARY_CACHE))
    except FileNotFoundError:
        pass


class Session:
    """One program in its own pty, on its first screen, ready for keys."""

    def __init__(self, argv, env, marker, before_keys=(), alternate=False):
        start = time.monotonic()
        self.pid, self.fd = spawn(argv, env)
        read_burst(self.fd, start, marker)
        for key in before_keys:
            os.write(self.fd, key)
            read_burst(self.fd, time.monotonic())
        drain(self.fd)
        self.alternate = alternate
        self.latencies = []

    def press(self, index):
        """Sends the index-th key and records the time to the last byte of its repaint."""
        key = (DOWN if index % 2 == 0 else UP) if self.alternate else DOWN
        sent = time.monotonic()
        os.write(self.fd, key)
        last, _ = read_burst(self.fd, sent, timeout=2.0)
        if last is not None:
            self.latencies.append((last - sent) * 1000)

    def finish(self, paints):
        alive = os.waitpid(self.pid, os.WNOHANG) == (0, 0)
        rss = peak_rss_kib(self.pid) if alive else 0
        stop(self.pid, self.fd)
        latencies = sorted(self.latencies)
        p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))] if latencies else float("nan")
        return {
            "first_paint_ms": statistics.median(paints) if paints else float("nan"),
            "first_paint_runs": len(paints),
            "key_p50_ms": statistics.median(latencies) if latencies else float("nan"),
            "key_p99_ms": p99,
            "keys_measured": len(latencies),
            "peak_rss_kib": rss,
            "alive_after_keys": alive,
        }


def pin(pid, cpus):
    """Sets the processor affinity of every thread of `pid`; False when the system does not allow it."""
    try:
        for thread in os.listdir(f"/proc/{pid}/task"):
            os.sched_setaffinity(int(thread), cpus)
        return True
    except (AttributeError, OSError):
        return False


def interleaved_keys(sessions, keys):
    """Presses `keys` keys in every session, the sessions taking turns key by key (the one to go first
    changing every round), so that a slow spell of the host falls on all programs alike, as with the
    first paints; each key's repaint is finished before the next key is sent to any program. Python's
    garbage collector is off meanwhile, so that it cannot stall the harness in the middle of a key.

    With two processors or more, the programs share the last one and the harness keeps to the first:
    left to the scheduler, whichever program it happened to place on the harness's processor paid for
    the harness's work, and the ratio of one binary to dialog moved between 0.86× and 1.12× from run
    to run (docs/PERFORMANCE.md). The programs wait a second first, for a start screen that confirms
    its listing in the background to be done with it."""
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    harness = set(cpus)
    if len(cpus) >= 2:
        if all([pin(session.pid, {cpus[-1]}) for session in sessions]):
            os.sched_setaffinity(0, {cpus[0]})
        else:  # all programs pinned or none: one that could not be would be measured otherwise
            for session in sessions:
                pin(session.pid, harness)
    time.sleep(1.0)
    for session in sessions:
        drain(session.fd)
    gc.disable()
    try:
        for index in range(keys):
            for turn in range(len(sessions)):
                sessions[(index + turn) % len(sessions)].press(index)
    finally:
        gc.enable()
        if harness:
            os.sched_setaffinity(0, harness)


def main():
    wizard, state_dir, cards_journal, keys = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    county_dir = sys.argv[6] if len(sys.argv) > 6 else None
    big_journal = sys.argv[7] if len(sys.argv) > 7 else None
    env = dict(os.environ, TERM=TERM, LANG="C.UTF-8", EPUAP_WIZARD_STATE_DIR=state_dir)
    env.pop("NO_COLOR", None)
    items = []
    for number in range(1, 301):
        items += [f"k{number}", f"Sprawa numer {number}: zezwolenie, wpis lub zaświadczenie", "off"]
    dialog = ["dialog", "--checklist", "Karty usług", "24", "80", "16"] + items
    start, cards = [wizard], [wizard, "--journal", cards_journal]
    # The same folder in a copy whose summary cache is removed before each start.
    uncached_dir = state_dir.rstrip("/") + "-bez-spisu"
    shutil.rmtree(uncached_dir, ignore_errors=True)
    shutil.copytree(state_dir, uncached_dir)
    uncached_env = dict(env, EPUAP_WIZARD_STATE_DIR=uncached_dir)
    # One start, not measured, leaves the summary cache in the folder, as the clerk's first start does.
    first_start(start, env, "wyjście".encode(), state_dir)
    if not os.path.exists(os.path.join(state_dir, SUMMARY_CACHE)):
        sys.exit("the wizard wrote no summary cache in " + state_dir)
    programs = [(start, env, "wyjście".encode()), (cards, env, "wyjście".encode()), (dialog, env, b"Cancel"),
                (start, uncached_env, "wyjście".encode(), lambda: remove_summary_cache(uncached_dir))]
    county_env = dict(env, EPUAP_WIZARD_STATE_DIR=county_dir) if county_dir else None
    big = [wizard, "--journal", big_journal] if big_journal else None
    if county_env:
        first_start(start, county_env, "wyjście".encode(), county_dir)  # as a clerk's first start there
        if not os.path.exists(os.path.join(county_dir, SUMMARY_CACHE)):
            sys.exit("the wizard wrote no summary cache in " + county_dir)
        programs += [(start, county_env, "wyjście".encode()), (big, env, "wyjście".encode())]
    paints = interleaved_first_paints(programs, runs)
    start_paints, cards_paints, dialog_paints, uncached_paints = paints[:4]
    shutil.rmtree(uncached_dir, ignore_errors=True)
    results = {"wizard_start_uncached": {
        "first_paint_ms": statistics.median(uncached_paints) if uncached_paints else float("nan"),
        "first_paint_runs": len(uncached_paints)}}
    # All three wait on their first screens (the 300-card journal opens on step 4.2; Enter opens the card
    # list) and take their keys in turn.
    sessions = [
        Session(start, env, "wyjście".encode(), alternate=True),
        Session(cards, env, "wyjście".encode(), before_keys=[b"\r"]),
        Session(dialog, env, b"Cancel"),
    ]
    if county_env:
        sessions += [Session(start, county_env, "wyjście".encode()),
                     Session(big, env, "wyjście".encode(), before_keys=[b"\r"])]
    interleaved_keys(sessions, keys)
    results["wizard_start"] = sessions[0].finish(start_paints)
    results["wizard_cards"] = sessions[1].finish(cards_paints)
    results["dialog_checklist"] = sessions[2].finish(dialog_paints)
    if county_env:
        results["wizard_county"] = sessions[3].finish(paints[4])
        results["wizard_cards_5000"] = sessions[4].finish(paints[5])
    print(json.dumps(results))


if __name__ == "__main__":
    main()
