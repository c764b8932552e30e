# --- server.py: the fork server (trusted: it never runs learner code) ---
# Protocol on stdin/stdout, one JSON object per line. A request is answered by
# {"id", "t": "started", "pid"} as soon as the child exists, then by
# {"id", "t": "result", ...} with the discovered tests, the child's exit, and
# the raw result-channel bytes and fd output, both capped. The children are
# forked by the zygote (zygote.py), which reports their exits.

_PROC_BASE = 0
_CGROUP_ROOT = None
_RESULT_CAP = 8 << 20
_JOB_WRITE_S = 2.0
_SPARES = 2


def _count_own_processes():
    uid = os.getuid()
    n = 0
    try:
        names = os.listdir("/proc")
    except OSError:
        return 256
    for name in names:
        if name.isdigit():
            try:
                if os.stat("/proc/" + name).st_uid == uid:
                    n += 1
            except OSError:
                pass
    return n


def _setup_process_limits():
    """RLIMIT_NPROC counts every process of the user, so the child's limit is
    the user's current count plus the allowance. As root RLIMIT_NPROC is not
    enforced: use a pids cgroup when one can be made."""
    global _PROC_BASE, _CGROUP_ROOT
    if os.geteuid() != 0:
        _PROC_BASE = _count_own_processes()
        return "rlimit"
    for base in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        _sweep_stale_cgroups(base)
        path = os.path.join(base, "pyroad-%d" % os.getpid())
        try:
            os.mkdir(path)
        except FileExistsError:
            pass
        except OSError:
            continue
        if os.path.exists(os.path.join(path, "pids.max")):
            _CGROUP_ROOT = path
            return "cgroup"
        try:
            os.rmdir(path)
        except OSError:
            pass
    return "none"


def _sweep_stale_cgroups(base):
    """Removes the cgroups of servers that were killed before cleaning up."""
    try:
        names = [n for n in os.listdir(base) if n.startswith("pyroad-")]
    except OSError:
        return
    for name in names:
        pid = name[len("pyroad-"):]
        if pid.isdigit() and not os.path.exists("/proc/" + pid):
            path = os.path.join(base, name)
            try:
                subs = [s for s in os.listdir(path) if s.startswith("r")]
            except OSError:
                continue
            for sub in subs:
                _cgroup_kill_and_remove(os.path.join(path, sub))
            _cgroup_kill_and_remove(path)


def _default_scratch_root():
    """A memory-backed directory when there is one: making and removing a
    scratch directory there costs 0.1 ms instead of several on a disk."""
    for path in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if path and os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK):
            return path
    return tempfile.gettempdir()


def _write_new_file(path, data):
    """Creates `path` (never through a symlink, never over an existing file)
    and writes `data`: a few system calls, where `open()` in text mode costs
    several times as much on the critical path of a check."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _cgroup_kill_and_remove(path):
    if not path:
        return
    for _ in range(50):
        if not os.path.isdir(path):
            return
        try:
            with open(os.path.join(path, "cgroup.procs")) as f:
                pids = [int(x) for x in f.read().split()]
        except OSError:
            pids = []
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.rmdir(path)
            return
        except OSError:
            time.sleep(0.002)


def _remove_tree(path):
    def onerror(func, p, _info):
        try:
            os.chmod(os.path.dirname(p), 0o700)
            os.chmod(p, 0o700)
            func(p)
        except OSError:
            pass
    if sys.version_info >= (3, 12):  # onerror is deprecated there
        shutil.rmtree(path, onexc=onerror)
    else:
        shutil.rmtree(path, onerror=onerror)


class _Run:
    def __init__(self, req, pid, result_r, out_r, scratch, cgroup, started):
        self.req = req
        self.pid = pid
        self.result_r = result_r
        self.out_r = out_r
        self.scratch = scratch
        self.cgroup = cgroup
        self.started = started
        self.deadline = started + req["limits"]["wall_ms"] / 1000.0
        self.result = bytearray()
        self.result_truncated = False
        self.out = bytearray()
        self.out_truncated = False
        self.timed_out = False
        self.status = None
        self.rusage = None
        self.pidfd = None
        self.answered = False


class _Spare:
    def __init__(self, pid, job_w, result_r, out_r, scratch, cgroup):
        self.pid = pid
        self.job_w = job_w
        self.result_r = result_r
        self.out_r = out_r
        self.scratch = scratch
        self.cgroup = cgroup
        self.failed = False


class _Server:
    def __init__(self, once):
        self.once = once
        self.sel = selectors.PollSelector()  # poll also accepts a regular file as stdin
        self.runs = {}
        self.by_fd = {}
        self.inbuf = bytearray()
        self.seq = 0
        self.eof = False
        self.tmp = os.environ.get("PYROAD_SCRATCH") or _default_scratch_root()
        self.trash = []
        self.free_cgroups = []
        self.spares = []
        self.last_request = None
        self.rehearsal_due = False
        self.proc_mode = _setup_process_limits()
        self.zygote_pid, self.zygote = (None, None) if once else _start_zygote()
        self.unborn = []  # spares asked of the zygote whose pid has not come back yet
        if self.zygote is not None:
            self.sel.register(self.zygote, selectors.EVENT_READ, ("zygote", None))
        os.set_blocking(0, False)
        self.sel.register(0, selectors.EVENT_READ, ("stdin", None))
        self.send({"t": "ready", "version": list(sys.version_info[:3]),
                   "executable": sys.executable, "processes": self.proc_mode})

    def send(self, obj):
        data = (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8", "replace")
        while data:
            try:
                data = data[os.write(1, data):]
            except BlockingIOError:
                select.select([], [1], [])

    def loop(self):
        while not (self.eof and not self.runs):
            self.refill_spares()
            if self.rehearsal_due and all(r.answered for r in self.runs.values()):
                self.rehearse()
            timeout = None
            if self.runs:
                now = time.monotonic()
                timeout = max(0.0, min(r.deadline for r in self.runs.values()) - now)
                if self.zygote is None and not all(r.pidfd is not None for r in self.runs.values()):
                    timeout = min(timeout, 0.005)
            if self.trash and not self.runs:
                timeout = 0.0
            events = self.sel.select(timeout)
            if not events and self.trash:
                self.empty_trash()
            # Pipes before exits: a run whose frames are complete is answered
            # before its (slower to finish) exit is reaped.
            events.sort(key=lambda event: event[0].data[0] == "pidfd")
            for key, _ in events:
                kind, run = key.data
                if kind == "stdin":
                    self.read_requests()
                elif kind == "pidfd":
                    self.reap(run)
                elif kind == "zygote":
                    self.read_zygote()
                else:
                    self.drain(run, kind, key.fd)
            now = time.monotonic()
            for run in list(self.runs.values()):
                if run.pidfd is None and self.zygote is None:
                    self.reap(run, block=False)
                if run.status is None and now >= run.deadline:
                    run.timed_out = True
                    self.kill_group(run)
        self.shutdown()

    def shutdown(self):
        for spare in self.spares:
            self.discard_spare(spare)
        self.spares = []
        self.empty_trash()
        for path in self.free_cgroups:
            _cgroup_kill_and_remove(path)
        _cgroup_kill_and_remove(_CGROUP_ROOT)
        if self.zygote is not None:
            self.zygote.close()
            try:
                os.waitpid(self.zygote_pid, 0)
            except ChildProcessError:
                pass
            self.zygote = None

    def read_zygote(self):
        """Handles one message from the zygote: the pid of the oldest spare
        asked of it (or -1: it could not fork), or the exit of a child it
        reaped."""
        try:
            msg = self.zygote.recv(256)
        except OSError:
            msg = b""
        if not msg:
            # Its children's exits can no longer be learnt: end every run
            # and this server; the supervisor starts a new one.
            for spare in self.unborn:
                self.drop_unborn(spare)
            self.unborn = []
            for run in self.runs.values():
                self.kill_group(run)
                self.trash.append(("dir", run.scratch))
                self.release_cgroup(run.cgroup)
            self.runs = {}
            self.shutdown()
            raise SystemExit("pyroad: the checker's zygote process died")
        word, _, rest = msg.partition(b" ")
        if word == b"pid":
            spare = self.unborn.pop(0)
            pid = int(rest)
            if pid > 0:
                spare.pid = pid
            else:
                self.drop_unborn(spare)
            return
        pid, status, utime, stime, maxrss = rest.split()
        run = self.runs.get(int(pid))
        if run is not None and run.status is None:
            self.exited(run, int(status), _ExitUsage(float(utime), float(stime), int(maxrss)))

    def drop_unborn(self, spare):
        spare.failed = True
        if spare in self.spares:
            self.spares.remove(spare)
        for fd in (spare.job_w, spare.result_r, spare.out_r):
            if fd is not None:
                os.close(fd)
        spare.job_w = spare.result_r = spare.out_r = None
        self.release_cgroup(spare.cgroup)
        self.trash.append(("dir", spare.scratch))

    def await_pid(self, spare):
        """Waits for the zygote to report the spare's pid (usually it did long
        ago); False if it could not fork one."""
        while spare.pid is None and not spare.failed:
            self.read_zygote()
        return not spare.failed

    def read_requests(self):
        try:
            chunk = os.read(0, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            self.eof = True
            self.sel.unregister(0)
            return
        self.inbuf += chunk
        while b"\n" in self.inbuf:
            line, _, rest = self.inbuf.partition(b"\n")
            self.inbuf = bytearray(rest)
            if line.strip():
                self.start(json.loads(line))
                self.last_request = bytes(line)
                if self.once:
                    self.eof = True
                    self.sel.unregister(0)
                    return

    def start(self, req):
        try:
            prepared = prepare_tests(req["tests"])
        except SyntaxError as exc:
            self.send({"id": req["id"], "t": "result", "tests_error":
                       "%s, line %s: %s" % (exc.filename, exc.lineno, exc.msg)})
            return
        discovered = [t for _, _, tests, _ in prepared for t in tests]
        spare = self.take_spare(req, prepared)
        if spare is None:  # a spare died or was stopped before its job: one try with a new one
            spare = self.take_spare(req, prepared, fresh=True)
        if spare is None:
            self.send({"id": req["id"], "t": "result", "tests_error": "the checker could not start a process"})
            return
        run = _Run(req, spare.pid, spare.result_r, spare.out_r, spare.scratch, spare.cgroup, time.monotonic())
        run.discovered = discovered
        self.runs[spare.pid] = run
        for fd, kind in ((spare.result_r, "result"), (spare.out_r, "out")):
            os.set_blocking(fd, False)
            self.sel.register(fd, selectors.EVENT_READ, (kind, run))
        if self.zygote is None:
            try:
                run.pidfd = os.pidfd_open(spare.pid)
                self.sel.register(run.pidfd, selectors.EVENT_READ, ("pidfd", run))
            except (AttributeError, OSError):
                run.pidfd = None
        self.send({"id": req["id"], "t": "started", "pid": spare.pid})

    def take_spare(self, req, prepared, fresh=False):
        """Hands the job to the oldest waiting spare child (forking one now if
        there is none, or if `fresh`): the learner's files go into its scratch
        directory, then the request and the compiled tests go down its job
        pipe."""
        spare = self.spares.pop(0) if self.spares and not fresh else self.make_spare()
        if spare is None or not self.await_pid(spare):
            return None
        for name, text in req.get("files", {}).items():
            target = os.path.join(spare.scratch, name)
            if os.path.dirname(target) != spare.scratch:
                os.makedirs(os.path.dirname(target), exist_ok=True)
            _write_new_file(target, text.encode("utf-8"))
        if spare.cgroup:
            self.set_pids_max(spare.cgroup, req["limits"]["processes"])
        req["cgroup"] = None  # the spare joined its cgroup already
        job = marshal.dumps((req, [(n, c, t, src) for n, c, t, src in prepared], spare.scratch))
        previous = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        # Bounded: a spare that was stopped (learner code of another run may
        # signal it) must not hang the server on a job bigger than the pipe.
        deadline = time.monotonic() + _JOB_WRITE_S
        ok = True
        try:
            os.set_blocking(spare.job_w, False)
            view = memoryview(job)
            while view and ok:
                try:
                    view = view[os.write(spare.job_w, view):]
                except BlockingIOError:
                    left = deadline - time.monotonic()
                    ok = left > 0 and bool(select.select([], [spare.job_w], [], left)[1])
        except OSError:
            ok = False
        finally:
            signal.signal(signal.SIGPIPE, previous)
            os.close(spare.job_w)
            spare.job_w = None
        if not ok:
            self.discard_spare(spare)
            return None
        return spare

    def refill_spares(self):
        """Keeps up to `_SPARES` spare children. A new one is forked only
        while every run in flight has been answered (so the fork never delays
        a verdict), unless none is left at all; two, so a request that comes
        right after a verdict still finds one that finished its set-up."""
        if self.eof or self.once:
            return
        while len(self.spares) < _SPARES:
            if self.spares and not all(r.answered for r in self.runs.values()):
                return
            spare = self.make_spare()
            if spare is None:
                return
            self.spares.append(spare)

    def rehearse(self):
        """After a fork the server shares its pages with the new child, so the
        next request would first take the copy-on-write faults of everything
        it touches (about 150, most of `start`'s time after a pause).
        Rehearsing that path on the last request (parse, cached tests, job,
        answers) while idle takes them now. Skipped when a request is already
        waiting: then it would only delay it."""
        self.rehearsal_due = False
        if self.last_request is None or select.select([0], [], [], 0)[0]:
            return
        try:
            req = json.loads(self.last_request)
            prepared = prepare_tests(req["tests"])
            marshal.dumps((req, [(n, c, t, src) for n, c, t, src in prepared], self.tmp))
            discovered = [t for _, _, tests, _ in prepared for t in tests]
            json.dumps({"id": req["id"], "t": "started", "pid": 0})
            json.dumps({"id": req["id"], "t": "result", "discovered": discovered, "results": "", "output": ""},
                       ensure_ascii=False)
        except Exception:  # only a warm-up: whatever the request held was answered already
            pass

    def make_spare(self):
        """A child that waits for its job (see `_spare_main`), so the fork and
        most of the child's set-up happen before a request. The zygote forks
        it (see zygote.py); without one (a `--once` server, or no pidfd_open
        or SCM_RIGHTS) the server forks it itself."""
        try:
            scratch = tempfile.mkdtemp(prefix="pyroad-run-", dir=self.tmp)
        except OSError:
            return None
        cgroup = self.take_cgroup() if _CGROUP_ROOT else None
        job_r, job_w = os.pipe()
        result_r, result_w = os.pipe()
        out_r, out_w = os.pipe()
        if self.zygote is None:
            self.rehearsal_due = True
            pid = _fork_spare(scratch, cgroup, job_r, result_w, out_w)
            for fd in (job_r, result_w, out_w):
                os.close(fd)
            return _Spare(pid, job_w, result_r, out_r, scratch, cgroup)
        # The pid comes back later (see `read_zygote`): the server does not
        # sit idle while the zygote forks.
        spare = _Spare(None, job_w, result_r, out_r, scratch, cgroup)
        try:
            socket.send_fds(self.zygote, [("%s\0%s" % (scratch, cgroup or "")).encode("utf-8", "surrogateescape")],
                            [job_r, result_w, out_w])
        except OSError:
            spare.failed = True
        for fd in (job_r, result_w, out_w):
            os.close(fd)
        if spare.failed:
            self.drop_unborn(spare)
            return None
        self.unborn.append(spare)
        return spare

    def discard_spare(self, spare):
        if not self.await_pid(spare):
            return  # never born: already cleaned up
        try:
            os.killpg(spare.pid, signal.SIGKILL)
        except OSError:
            pass
        if self.zygote is None:
            try:
                os.waitpid(spare.pid, 0)
            except ChildProcessError:
                pass
        for fd in (spare.job_w, spare.result_r, spare.out_r):
            if fd is not None:
                os.close(fd)
        self.release_cgroup(spare.cgroup)
        self.trash.append(("dir", spare.scratch))

    def take_cgroup(self):
        """An empty pids cgroup for one run; they are reused, since making
        and removing one costs more than the rest of a small run."""
        self.seq += 1
        path = self.free_cgroups.pop() if self.free_cgroups else os.path.join(_CGROUP_ROOT, "r%d" % self.seq)
        try:
            if not os.path.isdir(path):
                os.mkdir(path)
            return path
        except OSError:
            return None

    def set_pids_max(self, path, processes):
        # Written for every run, even when a reused cgroup already has the
        # value: code of the previous run may have changed it.
        try:
            with open(os.path.join(path, "pids.max"), "w") as f:
                f.write(str(processes))
        except OSError:
            pass

    def release_cgroup(self, path):
        if not path:
            return
        for _ in range(3):
            try:
                with open(os.path.join(path, "cgroup.procs")) as f:
                    pids = [int(x) for x in f.read().split()]
            except OSError:
                return
            if not pids:
                self.free_cgroups.append(path)
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.001)
        self.trash.append(("cgroup", path))

    def empty_trash(self):
        """Cleanup that is not on a learner's critical path: scratch
        directories and cgroups whose processes took a while to die."""
        trash, self.trash = self.trash, []
        for kind, path in trash:
            if kind == "dir":
                _remove_tree(path)
            else:
                _cgroup_kill_and_remove(path)

    def drain(self, run, kind, fd):
        if fd != (run.result_r if kind == "result" else run.out_r):
            return  # a stale event for a run that already finished
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.sel.unregister(fd)
            os.close(fd)
            if kind == "result":
                run.result_r = None
            else:
                run.out_r = None
            self.maybe_finish(run)
            return
        self.drain_chunk(run, kind, chunk)

    def kill_group(self, run):
        try:
            os.killpg(run.pid, signal.SIGKILL)
        except OSError:
            pass

    def reap(self, run, block=True):
        if run.status is not None:
            return
        try:
            pid, status, rusage = os.wait4(run.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            pid, status, rusage = run.pid, 0, None
        if pid == 0:
            return
        self.exited(run, status, rusage)

    def exited(self, run, status, rusage):
        run.status = status
        run.rusage = rusage
        run.ended = time.monotonic()
        if run.pidfd is not None:
            self.sel.unregister(run.pidfd)
            os.close(run.pidfd)
            run.pidfd = None
        # Whatever the learner started dies with the run.
        self.kill_group(run)
        self.release_cgroup(run.cgroup)
        self.maybe_finish(run)

    def maybe_finish(self, run):
        if run.status is None:
            if run.result_r is None and run.out_r is None and not run.answered and self.ended_cleanly(run):
                # The child wrote its last frame and closed both pipes; only
                # its exit (the kernel tearing down a copy of the server's
                # address space, most of a small check's time) is left. Answer
                # now; reaping, killing the group and cleanup still follow.
                self.answer(run, None)
            return
        # Drain what is already buffered; processes that escaped may hold the
        # pipes open, so don't wait for EOF once the child is gone.
        for kind in ("result", "out"):
            fd = run.result_r if kind == "result" else run.out_r
            if fd is None:
                continue
            budget = 4 * _RESULT_CAP
            while budget > 0:
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    break
                if not chunk:
                    break
                budget -= len(chunk)
                self.drain_chunk(run, kind, chunk)
            self.sel.unregister(fd)
            os.close(fd)
        run.result_r = run.out_r = None
        del self.runs[run.pid]
        self.trash.append(("dir", run.scratch))
        if not run.answered:
            status = run.status
            self.answer(run, {"code": os.WEXITSTATUS(status)} if os.WIFEXITED(status) else
                        {"signal": os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {"code": -1})

    def ended_cleanly(self, run):
        """Whether the result channel ends on the harness's own `done` frame
        for this run (byte for byte, nonce included) with nothing after it,
        and neither stream was cut. Anything else waits for the exit status."""
        if run.result_truncated or run.out_truncated or run.timed_out:
            return False
        nonce = run.req["nonce"]
        return any(run.result.endswith((json.dumps({"t": "done", "truncated": t, "n": nonce},
                                                   ensure_ascii=False) + "\n").encode("utf-8"))
                   for t in (False, True))

    def answer(self, run, exit_info):
        """Sends the run's result; `exit_info` is None when the child had
        finished its frames but was not reaped yet (no exit status or
        resource use then)."""
        run.answered = True
        ru = run.rusage if exit_info is not None else None
        ended = run.ended if exit_info is not None else time.monotonic()
        self.send({"id": run.req["id"], "t": "result", "pid": run.pid,
                   "discovered": run.discovered, "exit": exit_info, "timed_out": run.timed_out,
                   "wall_ms": (ended - run.started) * 1000.0,
                   "cpu_ms": (ru.ru_utime + ru.ru_stime) * 1000.0 if ru else None,
                   "max_rss_kb": ru.ru_maxrss if ru else None,
                   "results": run.result.decode("utf-8", "replace"),
                   "results_truncated": run.result_truncated,
                   "output": run.out.decode("utf-8", "replace"),
                   "output_truncated": run.out_truncated})

    def drain_chunk(self, run, kind, chunk):
        if kind == "result":
            if len(run.result) + len(chunk) > _RESULT_CAP:
                run.result_truncated = True
            else:
                run.result += chunk
        else:
            cap = run.req["limits"]["output_bytes"]
            room = cap - len(run.out)
            if room > 0:
                run.out += chunk[:room]
            if len(chunk) > room:
                run.out_truncated = True


def main():
    once = "--once" in sys.argv
    # A one-request server (a cold check) would pay for these and never profit.
    for name in () if once else _WARM_IMPORTS:
        try:
            __import__(name)
        except ImportError:
            pass
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _Server(once).loop()


_WARM_IMPORTS = ("collections", "dataclasses", "functools", "itertools", "math", "re",
                 "string", "typing", "json", "csv", "datetime", "random", "statistics",
                 "fractions", "decimal", "enum", "pathlib", "operator", "copy", "heapq",
                 "bisect", "textwrap", "ctypes")

if __name__ == "__main__":
    main()
