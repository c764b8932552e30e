# --- child.py: what runs in the forked child (limits, then learner code) ---
# Everything the run loop needs is bound here, before learner code exists, and
# checked for tampering after every test. The verdict is not decided here: the
# supervisor judges the frames written on fd 3 (each carrying the run's nonce),
# the test list the server discovered, the exit status, and, for data cases,
# compares the returned values itself.

_RESULT_FD = 3
_JOB_FD = 4
_MAX_REPR = 400


class _Failed(AssertionError):
    pass


def _safe_repr(value, limit=_MAX_REPR):
    try:
        text = repr(value)
    except BaseException as exc:  # a learner __repr__ may raise anything
        text = "<repr failed: %s>" % type(exc).__name__
    if type(text) is not str:
        text = "<repr returned %s>" % type(text).__name__
    if len(text) > limit:
        half = limit // 2
        text = text[:half] + " ... " + text[-half:]
    return text


def _make_fail():
    safe_repr = _safe_repr
    failed = _Failed

    def __pyroad_fail__(src, parts, msg):
        exc = failed(src)
        exc.pyroad = {"expr": src,
                      "parts": [[label, safe_repr(value)] for label, value in parts],
                      "msg": None if msg is None else safe_repr(msg) if type(msg) is not str else msg}
        return exc
    return __pyroad_fail__


class _Budget:
    def __init__(self, limit):
        self.left = limit
        self.truncated = False


class _Capture(io.TextIOBase):
    """sys.stdout/sys.stderr during a test; shares one output budget per run."""

    def __init__(self, budget):
        self._parts = []
        self._budget = budget

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        b = self._budget
        if b.left > 0:
            piece = s[:b.left]
            self._parts.append(piece)
            b.left -= len(piece)
        if len(s) > 0 and b.left <= 0 and len(s) > len(self._parts[-1] if self._parts else ""):
            b.truncated = True
        return len(s)

    def writable(self):
        return True

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"

    def take(self):
        text = "".join(self._parts)
        self._parts = []
        return text


def _no_input(prompt=""):
    raise EOFError(
        "input() cannot be used while checking: standard input is closed. "
        "The tests call your functions directly, so take values as parameters "
        "instead of asking for them.")


def _exit_builtin(code=None):
    raise SystemExit(code)


class _Guard:
    """Remembers, before learner code runs, the objects whose replacement
    could turn a failure into a pass, and reports any that changed.

    `changes` runs after every test, so its usual answer (nothing changed)
    takes a fast path: the same keys in the same order, each value and each
    function's code the very same object. Only identity is compared (learner
    objects never compare themselves here), with helpers bound at snapshot
    time, so replacing builtins cannot switch the check off. Anything else
    falls back to the key-by-key walk that names what changed."""

    def __init__(self, harness_globals):
        self.watch = []
        self._add("builtins", builtins.__dict__)
        for cls in (unittest.TestCase, unittest.TestResult, unittest.case._SubTest):
            self._add(cls.__qualname__, cls.__dict__)
        self._add("harness", harness_globals)
        self.modules = {name: sys.modules.get(name) for name in
                        ("builtins", "unittest", "unittest.case", "unittest.result", "__main__", "os", "sys")}

    def _add(self, label, mapping):
        items = dict(mapping)
        codes = {k: v.__code__ for k, v in items.items() if isinstance(v, types.FunctionType)}
        fast = (tuple(items), tuple(items.values()), tuple(items[k] for k in codes), tuple(codes.values()))
        self.watch.append((label, mapping, items, codes, fast))

    def add_module(self, label, mapping):
        self._add(label, mapping)

    def changes(self, _all=all, _map=map, _is=operator.is_, _len=len,
                _code=operator.attrgetter("__code__")):
        for _label, mapping, _items, _codes, (keys, values, funcs, codes) in self.watch:
            if not (_len(mapping) == _len(keys) and _all(_map(_is, keys, mapping))
                    and _all(_map(_is, values, mapping.values()))
                    and _all(_map(_is, codes, _map(_code, funcs)))):
                return self._changes_slow()
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                return self._changes_slow()
        return []

    def _changes_slow(self):
        found = []
        for label, mapping, items, codes, _fast in self.watch:
            for key, value in items.items():
                if mapping.get(key, _MISSING) is not value:
                    found.append("%s.%s" % (label, key))
                elif key in codes and value.__code__ is not codes[key]:
                    found.append("%s.%s.__code__" % (label, key))
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                found.append("sys.modules[%r]" % name)
        return found


_MISSING = object()


def _encode_value(value, depth=0):
    """A returned value as plain tagged JSON with exact types; the supervisor
    compares it. Learner objects are never trusted to compare themselves."""
    t = type(value)
    if depth > 20:
        return {"other": "nested too deep"}
    if value is None:
        return {"none": True}
    if t is bool:
        return {"bool": value}
    if t is int:
        return {"int": str(value)}
    if t is float:
        return {"float": repr(value)}
    if t is str:
        return {"str": value}
    if t is list or t is tuple:
        return {t.__name__: [_encode_value(v, depth + 1) for v in value]}
    if t is dict:
        return {"dict": [[_encode_value(k, depth + 1), _encode_value(v, depth + 1)] for k, v in value.items()]}
    if t is set or t is frozenset:
        return {"set": [_encode_value(v, depth + 1) for v in value]}
    return {"other": t.__name__, "repr": _safe_repr(value)}


def _decode_arg(value):
    if isinstance(value, dict) and "tuple" in value and len(value) == 1:
        return tuple(_decode_arg(v) for v in value["tuple"])
    if isinstance(value, list):
        return [_decode_arg(v) for v in value]
    if isinstance(value, dict):
        return {k: _decode_arg(v) for k, v in value.items()}
    return value


def _short_traceback(exc, files, limit=6):
    """The frames in the learner's and the test files only, newest last."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename in files]
    hidden = max(0, len(frames) - limit)
    lines = []
    if hidden:
        lines.append("  ... %d earlier frames ..." % hidden)
    for f in frames[hidden:]:
        lines.append('  File "%s", line %s, in %s' % (f.filename, f.lineno, f.name))
        if f.line:
            lines.append("    " + f.line.strip())
    if isinstance(exc, SyntaxError):
        lines.append('  File "%s", line %s' % (exc.filename, exc.lineno))
        if exc.text:
            lines.append("    " + exc.text.rstrip("\n").strip())
    shown = _AssertionError if type(exc) is _Failed else type(exc)
    lines.append("".join(traceback.format_exception_only(shown, exc)).rstrip())
    where = None
    if isinstance(exc, SyntaxError) and exc.filename in files:
        where = [exc.filename, exc.lineno]
    elif frames:
        where = [frames[-1].filename, frames[-1].lineno]
    return "\n".join(lines), where


def _explain(exc, limits):
    if isinstance(exc, MemoryError):
        return "the memory limit (%d MB) was reached" % (limits["memory_bytes"] // (1 << 20))
    if isinstance(exc, RecursionError):
        return "the recursion never stopped: check the base case"
    if isinstance(exc, SystemExit):
        return "your code called sys.exit(%r); the tests call your functions, so return a value instead" % (exc.code,)
    if isinstance(exc, BlockingIOError) or (isinstance(exc, OSError) and exc.errno == errno.EAGAIN):
        return "the process limit (%d) was reached" % limits["processes"]
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return "it wrote a file bigger than the limit (%d MB)" % (limits["file_bytes"] // (1 << 20))
    if isinstance(exc, OSError) and exc.errno == errno.EMFILE:
        return "the open files limit (%d) was reached" % limits["open_files"]
    if isinstance(exc, EOFError):
        return "standard input is closed while checking: don't call input(), take parameters"
    return None
