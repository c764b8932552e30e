# pyroad checker harness: a fork server that runs exercise tests against the
# learner's module in a fresh, limited child per check. Standard library only,
# Python 3.9+. Assembled from prelude, rewrite, child, runner, zygote and server.
import ast
import builtins
import errno
import fcntl
import gc
import io
import json
import linecache
import marshal
import operator
import os
import resource
import select
import selectors
import shutil
import signal
import socket
import sys
import tempfile
import textwrap
import time
import traceback
import types
import unittest
import unittest.case
