"""Command line: a thin layer over consistency.Checker.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .config import FILE_NAME
from .errors import InputError
from .workers import WorkerFailed
from .findings import SEVERITIES, at_least

STAGES = ("loading model", "segmenting", "aligning", "checking")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .render import RENDERERS

    parser = argparse.ArgumentParser(prog="consistency", description=(
        "Check that a translated news article kept its quotes, figures and names."))
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check one source article against its translation, or a "
                                              "bilingual file (XLIFF, TMX, PO)")
    check.add_argument("source", help="the original article (UTF-8 text, Markdown or HTML), or a bilingual "
                                      "XLIFF 1.2/2.x, TMX or PO file holding both sides")
    check.add_argument("target", nargs="?", help="its translation (left out for a bilingual file)")
    check.add_argument("--source-lang", help="language of the source (default: the bilingual file's, else identified)")
    check.add_argument("--target-lang", help="language of the target (default: the bilingual file's, else identified)")
    check.add_argument("--format", choices=tuple(RENDERERS), default="text")
    check.add_argument("--output", "-o", help="write the report here instead of standard output")
    check.add_argument("--model", help="a local Hugging Face model directory or a hub id "
                                       "(default: the offline multilingual-e5-small)")
    check.add_argument("--fail-on", choices=SEVERITIES + ("never",),
                       help="exit 1 when a finding is at least this severe (default: the configuration's, "
                            "else major)")
    check.add_argument("--checks", help="comma-separated checks to run (default: every check not marked opt-in; "
                       "+names adds one to those; `consistency checks` lists them)")
    check.add_argument("--segmentation", choices=("auto", "lines"), default="auto",
                       help="auto: sentences found by ICU; lines: one sentence per line "
                            "(a bilingual file's own segments are always kept)")
    check.add_argument("--max-chars", type=int, default=None, help="refuse longer inputs")
    check.add_argument("--max-sentence-chars", type=int, default=None,
                       help="refuse inputs with a longer sentence (default: 20,000 characters)")
    check.add_argument("--no-color", action="store_true", help="no colour even on a terminal")
    check.add_argument("--config", help=f"a configuration file (default: {FILE_NAME} or [tool.consistency] in "
                                        "pyproject.toml, here or in a folder above)")

    batch = commands.add_parser("batch", help="check many pairs with one loaded model")
    batch.add_argument("manifest", help="JSONL ({id, source, target, source_lang?, target_lang?} per line) "
                                        "or a folder of NAME.LANG.txt files")
    batch.add_argument("--source-lang", help="the originals' language (required for a folder)")
    batch.add_argument("--output", "-o", help="JSONL results here (default: standard output)")
    batch.add_argument("--model", help="as for check")
    batch.add_argument("--checks", help="as for check")
    batch.add_argument("--fail-on", choices=SEVERITIES + ("never",), help="as for check")
    batch.add_argument("--config", help="as for check")
    batch.add_argument("--jobs", "-j", type=int, default=1,
                       help="worker processes, each with the model loaded once (default: 1)")
    batch.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                       help="stop a pair still unchecked after this long and report it (pairs then run in "
                            "worker processes even with --jobs 1)")
    batch.add_argument("--resume", action="store_true",
                       help="keep the results in --output whose inputs and settings are unchanged; check the rest")
    batch.add_argument("--no-color", action="store_true", help="no colour even on a terminal")

    commands.add_parser("build-model", help="build the offline default model now (else done on first use)")
    commands.add_parser("checks", help="list the available checks")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "build-model":
            from .encoders.registry import ensure_default_model

            print(ensure_default_model())
            return 0
        if args.command == "checks":
            from . import checks

            for name in checks.available():
                print(f"{name}: {checks.create([name])[0].description}")
            return 0
    except InputError as error:
        print(f"consistency: error: {error}", file=sys.stderr)
        return 2
    except (ValueError, OSError, WorkerFailed) as error:
        print(f"consistency: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _check(args) -> int:
    from . import checks, config, inputs, language
    from .document import DEFAULT_MAX_CHARS
    from .pipeline import Checker, Settings
    from .render import RENDERERS

    # Everything that can be refused is refused before the model loads.
    configuration = config.load(args.config)
    max_chars = args.max_chars or configuration.max_chars or DEFAULT_MAX_CHARS
    langs = [language.validate(code) if code else None for code in (args.source_lang, args.target_lang)]
    loaded = inputs.load(args.source, args.target, max_chars, target_lang=langs[1])
    settings = Settings.from_config(configuration, source_lang=langs[0], target_lang=langs[1], model=args.model,
                                    checks=_chosen(args.checks), segmentation=args.segmentation,
                                    max_chars=max_chars, max_sentence_chars=args.max_sentence_chars)
    checks.create(settings.checks, settings.check_options)
    fail_on = args.fail_on or configuration.fail_on or "major"
    with _progress() as advance:
        advance("loading model")
        checker = Checker(settings)
        report = checker.check_input(loaded, progress=advance)
    to_terminal = args.output is None and sys.stdout.isatty()
    color = to_terminal and not args.no_color and "NO_COLOR" not in os.environ
    rendered = RENDERERS[args.format](report, color=color, width=None if to_terminal else 160)
    if args.output:
        write_atomically(Path(args.output), rendered)
    else:
        sys.stdout.write(rendered)
    return 1 if report.fails(fail_on) else 0


def _chosen(names: str | None) -> tuple[str, ...] | None:
    return tuple(n.strip() for n in names.split(",") if n.strip()) if names else None


def _batch(args) -> int:
    from . import batch, checks, config
    from .pipeline import Settings
    from .render.batch import render_batch_summary

    if args.resume and not args.output:
        raise InputError("--resume needs --output: the results file it resumes")
    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        raise InputError("--timeout must be a number of seconds above 0")
    configuration = config.load(args.config)
    fail_on = args.fail_on or configuration.fail_on or "major"
    pairs = batch.read_manifest(args.manifest, args.source_lang)
    settings = Settings.from_config(configuration, model=args.model, checks=_chosen(args.checks))
    checks.create(settings.checks, settings.check_options)
    fingerprint = batch.settings_fingerprint(settings)
    keys = {pair.id: batch.pair_key(pair, fingerprint) for pair in pairs}
    output = Path(args.output) if args.output else None
    kept = batch.finished(output, keys) if args.resume else {}
    if output:
        # What an earlier run finished is kept, in manifest order, before anything new is added.
        write_atomically(output, "".join(kept[p.id] + "\n" for p in pairs if p.id in kept))
    todo = [(pair, keys[pair.id]) for pair in pairs if pair.id not in kept]
    results = {pair_id: json.loads(line) for pair_id, line in kept.items()}
    lines = dict(kept)
    out = output.open("a", encoding="utf-8") if output else sys.stdout
    try:
        with _batch_progress(len(todo)) as advance:
            for result in batch.run(todo, settings, jobs=args.jobs, timeout=args.timeout):
                lines[result["id"]] = json.dumps(result, ensure_ascii=False)
                out.write(lines[result["id"]] + "\n")
                out.flush()
                results[result["id"]] = result
                if "error" in result:
                    print(f"{result['id']}: error: {result['error']}", file=sys.stderr)
                advance(result["id"])
    finally:
        if out is not sys.stdout:
            out.close()
    if output:  # finished: in manifest order, whatever order the workers finished in
        write_atomically(output, "".join(lines[pair.id] + "\n" for pair in pairs))
    ordered = [results[pair.id] for pair in pairs]
    color = sys.stderr.isatty() and not args.no_color and "NO_COLOR" not in os.environ
    sys.stderr.write(render_batch_summary(ordered, fail_on, reused=len(kept), color=color,
                                          width=shutil.get_terminal_size((120, 24)).columns))
    failed = any("error" in r or (fail_on != "never" and any(
        at_least(f["severity"], fail_on) for f in r["report"]["findings"])) for r in ordered)
    return 1 if failed else 0


@contextmanager
def _batch_progress(total: int):
    """Pairs done, of how many, and the time left, on stderr when a person is watching."""
    if not sys.stderr.isatty() or not total:
        yield lambda pair_id: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking pairs", total=total)
        yield lambda pair_id: bar.update(task, advance=1, description=f"checked {pair_id}")


@contextmanager
def _progress():
    """A progress bar over the pipeline's stages on stderr, only when a person is watching."""
    if not sys.stderr.isatty():
        yield lambda stage: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description:<14}"), BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=len(STAGES))

        def advance(stage: str) -> None:
            bar.update(task, description=stage, completed=STAGES.index(stage) if stage in STAGES else 0)

        yield advance


def write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers never see half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        # mkstemp makes the file private (0600); a report is a document to share, so it gets the
        # mode a plain open() would give it, or keeps the one of the report it replaces.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it, and put it back at once
    os.umask(current)
    return current


if __name__ == "__main__":
    raise SystemExit(main())
