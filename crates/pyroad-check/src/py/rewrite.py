# --- rewrite.py: test discovery and assert rewriting (runs in the trusted server) ---
# The server parses the pristine test sources sent by the supervisor. Nothing in
# this part ever runs learner code, so the test list it reports can be trusted.


def _segment(source, node):
    text = ast.get_source_segment(source, node)
    return text if text is not None else ast.unparse(node)


def _is_literal(node):
    """Literal values (`2`, `["a", "b"]`) need no "where" line."""
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _is_testcase_base(base):
    if isinstance(base, ast.Name):
        return base.id.endswith("TestCase")
    if isinstance(base, ast.Attribute):
        return base.attr.endswith("TestCase")
    return False


def _task_number(decorators):
    """`@pytest.mark.task(taskno=N)` (Exercism's task marker), read from the
    syntax tree only, so finding it runs nothing."""
    for d in decorators:
        if (isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "task"
                and isinstance(d.func.value, ast.Attribute) and d.func.value.attr == "mark"):
            for kw in d.keywords:
                if (kw.arg == "taskno" and isinstance(kw.value, ast.Constant)
                        and type(kw.value.value) is int and 0 < kw.value.value < 1 << 31):
                    return kw.value.value
    return None


def discover(file_name, source, tree):
    """The tests of one file, in the order the runner uses: functions in
    source order, then each TestCase class's test methods sorted by name (as
    unittest's loader sorts them)."""
    tests = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            tests.append({"name": node.name, "kind": "function", "file": file_name,
                          "func": node.name, "cls": None,
                          "code": _segment(source, node),
                          "task": _task_number(node.decorator_list)})
        elif isinstance(node, ast.ClassDef) and any(_is_testcase_base(b) for b in node.bases):
            methods = sorted(
                (m for m in node.body
                 if isinstance(m, ast.FunctionDef) and m.name.startswith("test")),
                key=lambda m: m.name)
            class_task = _task_number(node.decorator_list)
            for m in methods:
                task = _task_number(m.decorator_list)
                code = textwrap.dedent(_segment(source, m)) if m.col_offset else _segment(source, m)
                tests.append({"name": node.name + "." + m.name, "kind": "unittest",
                              "file": file_name, "func": m.name, "cls": node.name,
                              "code": code, "task": class_task if task is None else task})
    return tests


class _AssertRewriter(ast.NodeTransformer):
    """Turns `assert a == b, msg` into temporaries and an explicit check that
    raises the harness's failure with the source text and the parts' values."""

    def __init__(self, source):
        self.source = source
        self.count = 0

    def _bind(self, stmts, expr):
        self.count += 1
        name = "__pyroad_t%d" % self.count
        stmts.append(ast.Assign(targets=[ast.Name(name, ast.Store())], value=expr))
        return ast.Name(name, ast.Load())

    def visit_Assert(self, node):
        self.generic_visit(node)
        test = node.test
        src = _segment(self.source, test)
        stmts = []
        parts = []
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left = self._bind(stmts, test.left)
            right = self._bind(stmts, test.comparators[0])
            for label_node, name in ((test.left, left), (test.comparators[0], right)):
                if not _is_literal(label_node):
                    parts.append((_segment(self.source, label_node), name))
            cond = ast.Compare(left=left, ops=test.ops, comparators=[right])
        elif isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            value = self._bind(stmts, test.operand)
            parts.append((_segment(self.source, test.operand), value))
            cond = ast.UnaryOp(op=ast.Not(), operand=value)
        else:
            value = self._bind(stmts, test)
            if not isinstance(test, ast.Constant):
                parts.append((src, value))
            cond = value
        detail = ast.Tuple(
            elts=[ast.Tuple(elts=[ast.Constant(label), name], ctx=ast.Load()) for label, name in parts],
            ctx=ast.Load())
        fail = ast.Call(
            func=ast.Name("__pyroad_fail__", ast.Load()),
            args=[ast.Constant(src), detail, node.msg if node.msg is not None else ast.Constant(None)],
            keywords=[])
        stmts.append(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=cond),
                            body=[ast.Raise(exc=fail, cause=None)], orelse=[]))
        for stmt in stmts:
            ast.copy_location(stmt, node)
            ast.fix_missing_locations(stmt)
        return stmts


_COMPILED = {}


def prepare_tests(files):
    """Compile (with rewritten asserts) and discover every test file. Cached by
    content, so a warm server compiles a test file once."""
    out = []
    for f in files:
        key = (f["name"], f["source"])
        hit = _COMPILED.get(key)
        if hit is None:
            tree = ast.parse(f["source"], f["name"])
            tests = discover(f["name"], f["source"], tree)
            tree = _AssertRewriter(f["source"]).visit(tree)
            ast.fix_missing_locations(tree)
            code = compile(tree, f["name"], "exec", dont_inherit=True)
            hit = (code, tests, f["source"])
            if len(_COMPILED) > 256:
                _COMPILED.clear()
            _COMPILED[key] = hit
        out.append((f["name"], hit[0], hit[1], hit[2]))
    return out
