# --- runner.py: the child's run loop ---


def _apply_limits(limits, cgroup):
    if cgroup:
        try:
            with open(os.path.join(cgroup, "cgroup.procs"), "w") as f:
                f.write(str(os.getpid()))
        except OSError:
            pass
    wall = limits["wall_ms"] / 1000.0
    plan = [
        (resource.RLIMIT_CPU, int(limits["cpu_s"])),
        (resource.RLIMIT_AS, limits["memory_bytes"]),
        (resource.RLIMIT_FSIZE, limits["file_bytes"]),
        (resource.RLIMIT_NOFILE, limits["open_files"]),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, limits["processes"] + _PROC_BASE),
    ]
    for which, value in plan:
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            new_hard = value + 1 if which == resource.RLIMIT_CPU else value
            if hard != resource.RLIM_INFINITY:
                new_hard = min(new_hard, hard)
            resource.setrlimit(which, (value, new_hard))
        except (ValueError, OSError):
            pass
    return wall


def _spare_main(harness_globals):
    """A spare child, forked before its job exists: it does the set-up that
    needs no request (builtins replaced, the guard's snapshot, which also
    takes most copy-on-write faults now), then blocks until the server sends
    the job on fd 4 (marshalled request and compiled tests; EOF with nothing
    means the server retired it or died). Never returns."""
    builtins.input = _no_input
    builtins.exit = builtins.quit = _exit_builtin
    guard = _Guard(harness_globals)
    chunks = []
    while True:
        try:
            chunk = os.read(_JOB_FD, 1 << 16)
        except InterruptedError:
            continue
        except OSError:
            chunk = b""
        if not chunk:
            break
        chunks.append(chunk)
    os.close(_JOB_FD)
    if not chunks:
        os._exit(0)
    job = b"".join(chunks)
    del chunks
    req, prepared, scratch = marshal.loads(job)
    _child_main(req, prepared, scratch, harness_globals, guard)


def _child_main(req, prepared, scratch, harness_globals, guard):
    """Runs in the child once its job arrived. Never returns: ends with os._exit."""
    write = os.write
    getpid = os.getpid
    exit_now = os._exit
    close_fds = os.closerange
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    nonce = req["nonce"]
    my_pid = getpid()
    limits = req["limits"]

    def emit(obj):
        if getpid() != my_pid:  # a process the learner forked runs harness code too
            exit_now(0)
        obj["n"] = nonce
        data = (dumps(obj) + "\n").encode("utf-8", "replace")
        while data:
            try:
                done = write(_RESULT_FD, data)
            except InterruptedError:
                continue
            except OSError:
                exit_now(70)
            data = data[done:]

    _apply_limits(limits, req.get("cgroup"))
    budget = _Budget(limits["output_bytes"])
    capture = _Capture(budget)
    sys.stdout = sys.stderr = capture
    sys.stdin = None
    sys.argv = [req["main_file"]]
    sys.path[:] = [scratch] + [p for p in sys.path if p]
    os.chdir(scratch)
    fail = _make_fail()
    files = {req["display_main"]} | {name for name, _, _, _ in prepared}
    emit({"t": "hello", "pid": my_pid})

    def finish():
        """The last frame, then every write end this process holds is
        closed: the server can answer as soon as it sees both pipes end on
        this frame, while the kernel is still tearing the process down."""
        emit({"t": "done", "truncated": budget.truncated})
        close_fds(1, _RESULT_FD + 1)
        exit_now(0)

    def check_guard(where):
        changed = guard.changes()
        if changed:
            emit({"t": "tamper", "where": where, "what": changed[:8]})
            exit_now(0)

    def run_guarded(fn, *args):
        try:
            fn(*args)
            return None
        except BaseException as exc:  # learner code may raise anything, SystemExit included
            return exc

    def describe(exc):
        detail = getattr(exc, "pyroad", None) if type(exc) is _Failed else None
        text, where = _short_traceback(exc, files)
        info = {"error": text, "exception": "AssertionError" if type(exc) is _Failed else type(exc).__name__, "where": where,
                "explain": _explain(exc, limits)}
        if detail is not None:
            info["assert"] = detail
        return info

    # 1. The learner's module, under its own name, with its real path in tracebacks.
    module_name = req["module"]
    source = req["learner_source"]
    linecache.cache[req["display_main"]] = (len(source), None, source.splitlines(True), req["display_main"])
    for name, _code, _tests, test_source in prepared:
        linecache.cache[name] = (len(test_source), None, test_source.splitlines(True), name)
    learner = types.ModuleType(module_name)
    learner.__file__ = os.path.join(scratch, req["main_file"])
    sys.modules[module_name] = learner

    def load_learner():
        exec(compile(source, req["display_main"], "exec", dont_inherit=True), learner.__dict__)

    exc = run_guarded(load_learner)
    out = capture.take()
    if exc is not None:
        emit({"t": "import", "ok": False, "output": out, **describe(exc)})
        finish()
    emit({"t": "import", "ok": True, "output": out})
    check_guard("after importing your module")

    # 2. The test modules (they import the learner's module by name).
    modules = {}
    for name, code, tests, _src in prepared:
        mod = types.ModuleType(name[:-3] if name.endswith(".py") else name)
        mod.__file__ = os.path.join(scratch, name)
        mod.__dict__["__pyroad_fail__"] = fail
        sys.modules[mod.__name__] = mod
        exc = run_guarded(exec, code, mod.__dict__)
        out = capture.take()
        if exc is not None:
            emit({"t": "load", "file": name, "ok": False, "output": out, **describe(exc)})
            finish()
        guard.add_module(name, mod.__dict__)
        modules[name] = (mod, tests)
    check_guard("after loading the tests")

    # 3. Each test, in discovery order.
    for name, (mod, tests) in modules.items():
        for test in tests:
            emit({"t": "start", "test": test["name"]})
            if test["kind"] == "function":
                fn = mod.__dict__.get(test["func"])
                exc = run_guarded(fn) if callable(fn) else NameError("test function %s is missing" % test["func"])
                status = "pass" if exc is None else "fail" if isinstance(exc, _AssertionError) else "error"
                record = {"t": "end", "test": test["name"], "status": status}
                if exc is not None:
                    record.update(describe(exc))
            else:
                record = _run_unittest(mod, test, describe)
            if getpid() != my_pid:
                exit_now(0)
            record["output"] = capture.take()
            check_guard("during " + test["name"])
            emit(record)

    # 4. Data cases: only values go back; the supervisor judges them.
    for i, case in enumerate(req.get("cases", [])):
        emit({"t": "start", "case": i})
        fn = learner.__dict__.get(case["call"])
        box = []

        def call_case(fn=fn, case=case, box=box):
            if not callable(fn):
                raise NameError("your module has no function named %r" % case["call"])
            box.append(fn(*[_decode_arg(a) for a in case["args"]],
                          **{k: _decode_arg(v) for k, v in case.get("kwargs", {}).items()}))

        exc = run_guarded(call_case)
        record = {"t": "case", "case": i}
        if exc is None:
            record["value"] = _encode_value(box[0])
        else:
            record["raised"] = type(exc).__name__
            record.update(describe(exc))
        record["output"] = capture.take()
        check_guard("during case %d" % i)
        emit(record)

    finish()


_AssertionError = AssertionError


def _run_unittest(mod, test, describe):
    cls = mod.__dict__.get(test["cls"])
    record = {"t": "end", "test": test["name"], "status": "pass"}
    if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
        record.update(status="error", error="%s is not a unittest.TestCase class" % test["cls"])
        return record
    result = _Result(describe)
    try:
        case = cls(test["func"])
        case.run(result)
    except BaseException as exc:
        result.problems.append(("error", None, describe(exc)))
    if result.problems:
        kind = "error" if any(p[0] == "error" for p in result.problems) else "fail"
        first = result.problems[0]
        record.update(first[2])
        record["status"] = kind
        if len(result.problems) > 1 or first[1]:
            record["subtests"] = [{"status": k, "params": p, "error": d.get("error")} for k, p, d in result.problems]
    elif result.skipped:
        record["status"] = "skip"
    return record


class _Result(unittest.TestResult):
    def __init__(self, describe):
        super().__init__()
        self.problems = []
        self._describe = describe

    def addFailure(self, test, err):
        self.problems.append(("fail", None, self._describe(err[1])))

    def addError(self, test, err):
        self.problems.append(("error", None, self._describe(err[1])))

    def addSubTest(self, test, subtest, err):
        if err is not None:
            kind = "fail" if issubclass(err[0], test.failureException) else "error"
            params = _safe_repr(dict(subtest.params))
            if subtest._message is not unittest.case._subtest_msg_sentinel:
                params = _safe_repr(subtest._message) + " " + params
            self.problems.append((kind, params, self._describe(err[1])))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))
