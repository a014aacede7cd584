"""Templates compiled once, kept between runs: Jinja's code for a template's source, by its hash,
and the source prepared from a template's bytes, by theirs.

Compiling the five papers' Jinja (and their shared parts) costs a run about a
fifth of a second, more than reading the answers; the code Jinja makes of a
source depends on that source, Jinja's and Python's versions (in each kept file,
``jinja2.bccache``) and the environment's settings (in the folder's name), so it
is kept in the user's cache folder (``settings.cache_dir``) and a run that finds
it there skips the compiler.  A source edited (a firm's template) has another
hash and is compiled afresh; a kept file that is missing, stale or broken is
compiled again, and one that cannot be written is no error.

Before that, a .docx template's Jinja source is made from its Word XML (opening
the package, docxtpl's ``patch_xml`` over each part): another fifth of the first
draft's time.  ``prepared`` keeps those sources by the hash of the template's
bytes and of the code that prepares them (``code``), so an edited template, a
new docxtpl or a change to our preparing code prepares afresh.  Each folder of
kept files holds at most ``kept.KEEP`` of them, the oldest removed first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from assembler import kept


class CodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, made quiet: it never fails a render."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a kept file cut short or not Jinja's: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass
        kept.prune(Path(self.directory))


Sources = dict[str, str]  # a template's Jinja sources, by its part's name: the body's is ""


def prepared(kind: str, blob: bytes, code: str, make: Callable[[], Sources]) -> Sources:
    """What ``make`` prepares from a template's bytes ``blob`` (its Jinja sources by part), as the
    last run that prepared these bytes as a ``kind`` ("paper", "part") with this ``code`` (a
    digest of the preparing code) kept it."""
    from assembler.settings import cache_dir

    folder = cache_dir() / f"prepared-{code}"
    file = folder / f"{kind}-{hashlib.sha256(blob).hexdigest()}.json"
    try:
        found = json.loads(file.read_text(encoding="utf-8"))
        if isinstance(found, dict) and "" in found and all(isinstance(v, str) for v in found.values()):
            return found
    except (OSError, ValueError):  # not kept yet, or cut short: prepare it again
        pass
    made = make()
    kept.write(file, json.dumps(made).encode("utf-8"))
    return made


def settings(env: jinja2.Environment) -> str:
    """What of ``env`` the compiled code depends on, as a short digest."""
    config: list[Any] = [
        f"{type(env).__module__}.{type(env).__qualname__}",
        f"{env.undefined.__module__}.{env.undefined.__qualname__}",
        env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.finalize is not None,
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
    ]
    return hashlib.sha256(repr(config).encode("utf-8")).hexdigest()[:16]


def code_cache(env: jinja2.Environment) -> CodeCache:
    """The kept code for templates of ``env``'s settings (the parts its loader includes use it too)."""
    from assembler.settings import cache_dir

    return CodeCache(str(cache_dir() / f"jinja-{settings(env)}"), pattern="%s.code")


def from_source(env: jinja2.Environment, source: str) -> jinja2.Template:
    """``env.from_string(source)``, its compiled code kept by the source's hash."""
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(source)
    bucket = cache.get_bucket(env, cache.get_source_checksum(source), None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None), None)
