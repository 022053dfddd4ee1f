"""Command line: a thin layer over consistency.Checker.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError
from .findings import SEVERITIES, at_least

STAGES = ("loading model", "segmenting", "aligning", "checking")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

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
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--output", "-o", help="write the report here instead of standard output")
    check.add_argument("--model", help="a local Hugging Face model directory or a hub id "
                                       "(default: the offline multilingual-e5-small)")
    check.add_argument("--fail-on", choices=SEVERITIES + ("never",), default="major",
                       help="exit 1 when a finding is at least this severe (default: major)")
    check.add_argument("--checks", help="comma-separated checks to run (default: every check not marked opt-in; `consistency checks` lists them)")
    check.add_argument("--segmentation", choices=("auto", "lines"), default="auto",
                       help="auto: sentences found by ICU; lines: one sentence per line "
                            "(a bilingual file's own segments are always kept)")
    check.add_argument("--max-chars", type=int, default=None, help="refuse longer inputs")
    check.add_argument("--no-color", action="store_true", help="no colour even on a terminal")

    batch = commands.add_parser("batch", help="check many pairs with one loaded model")
    batch.add_argument("manifest", help="JSONL ({id, source, target, source_lang?, target_lang?} per line) "
                                        "or a folder of NAME.LANG.txt files")
    batch.add_argument("--source-lang", help="the originals' language (required for a folder)")
    batch.add_argument("--output", "-o", help="JSONL results here (default: standard output)")
    batch.add_argument("--model", help="as for check")
    batch.add_argument("--checks", help="as for check")
    batch.add_argument("--fail-on", choices=SEVERITIES + ("never",), default="major")

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
    except (ValueError, OSError) as error:
        print(f"consistency: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _check(args) -> int:
    from . import checks, inputs, language
    from .document import DEFAULT_MAX_CHARS
    from .pipeline import Checker, Settings
    from .render import RENDERERS

    # Everything that can be refused is refused before the model loads.
    max_chars = args.max_chars or DEFAULT_MAX_CHARS
    langs = [language.validate(code) if code else None for code in (args.source_lang, args.target_lang)]
    loaded = inputs.load(args.source, args.target, max_chars, target_lang=langs[1])
    chosen = tuple(args.checks.split(",")) if args.checks else None
    checks.create(chosen)
    settings = Settings(source_lang=langs[0], target_lang=langs[1], model=args.model, checks=chosen,
                        segmentation=args.segmentation, max_chars=max_chars)
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
    return 1 if report.fails(args.fail_on) else 0


def _batch(args) -> int:
    from . import batch, checks
    from .pipeline import Checker, Settings

    pairs = batch.read_manifest(args.manifest, args.source_lang)
    chosen = tuple(args.checks.split(",")) if args.checks else None
    checks.create(chosen)
    checker = Checker(Settings(model=args.model, checks=chosen))
    failed = errors = 0
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for result in batch.run(pairs, checker):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
            if "error" in result:
                errors += 1
                print(f"{result['id']}: error: {result['error']}", file=sys.stderr)
            elif any(at_least(f["severity"], args.fail_on) for f in result["report"]["findings"]
                     if args.fail_on != "never"):
                failed += 1
    finally:
        if out is not sys.stdout:
            out.close()
    threshold = "" if args.fail_on == "never" else f", {failed} with findings at or above {args.fail_on}"
    print(f"{len(pairs)} pairs checked{threshold}, {errors} could not be checked", file=sys.stderr)
    return 1 if failed or errors else 0


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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    raise SystemExit(main())
