"""`make bench`: serve Tumbuh as production does, load its main pages with wrk, and write what it measured.

Steps: tools (wrk, nginx) -> bench database and world (manage.py bench_seed) -> collectstatic, gunicorn (2 workers
per node), the task worker, nginx in front of two nodes -> log everyone in -> check every page answers ->
queries and database time per page (scripts/bench_probe.py) -> wrk at 1 and 8 clients per page ->
var/bench/results.json and the table in docs/performance.md. Whatever it started is stopped at the end,
on failure and on Ctrl-C too. docs/performance.md lists the environment variables.
"""

# ruff: noqa: S603, S607 -- starting fixed local tools (apt-get, git, wrk, gunicorn, nginx) is this script's job
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psycopg
from bench_http import LOGIN_PATH, BenchError, cross_node_check, log_in, request
from bench_pages import auth_header, bench_pages, check_pages, load
from bench_report import (
    CONCURRENCIES,
    build_results,
    markdown_table,
    page_row,
    rewrite_table,
)
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"
PYTHON = sys.executable
BIN = Path(sys.executable).parent
PROBE_RUNS = 5
READY_SECONDS = 60
STOP_SECONDS = 10


# -- configuration ------------------------------------------------------------------------------------------


def config() -> dict:
    scale = float(os.getenv("BENCH_SCALE", "1.0"))
    quick = scale <= 0.05
    duration = int(os.getenv("BENCH_DURATION", "3" if quick else "10"))
    var_dir = Path(os.getenv("BENCH_VAR_DIR", REPO / "var" / "bench")).resolve()
    app_dir = Path(os.getenv("BENCH_APP_DIR", REPO)).resolve()
    return {
        "scale": scale,
        "duration": duration,
        "warmup": int(os.getenv("BENCH_WARMUP", "1" if duration <= 3 else "2")),
        "database_url": os.getenv("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tumbuh_bench"),
        "reseed": os.getenv("BENCH_RESEED", "") == "1",
        "app_dir": app_dir,
        "nodes": int(os.getenv("BENCH_NODES", "1")),
        "port": int(os.getenv("BENCH_PORT", "8101")),
        "var_dir": var_dir,
        "out": Path(os.getenv("BENCH_OUT", var_dir / "results.json")).resolve(),
        "pages": [name for name in os.getenv("BENCH_PAGES", "").split(",") if name],
        "docs": os.getenv("BENCH_DOCS", "1") != "0" and app_dir == REPO,
        "strict": os.getenv("BENCH_STRICT", "") == "1",
    }


def say(text: str) -> None:
    print(f"bench: {text}", flush=True)


# -- tools ----------------------------------------------------------------------------------------------------


def ensure_tools(nodes: int) -> dict:
    """wrk always, nginx for two nodes: from Debian, installed when we are root, named otherwise."""
    wanted = {"wrk": "wrk", "nginx": "nginx"} if nodes > 1 else {"wrk": "wrk"}
    found = {tool: shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/bin") for tool in wanted}
    missing = [wanted[tool] for tool, where in found.items() if not where]
    if missing:
        if os.geteuid() != 0:
            raise BenchError(f"please install these Debian packages: {' '.join(missing)}")
        say(f"installing {' '.join(missing)}")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
        found = {tool: shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/bin") for tool in wanted}
    return found


# -- database and world ---------------------------------------------------------------------------------------


def database_name(url: str) -> str:
    return urllib.parse.urlparse(url).path.lstrip("/")


def maintenance_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


def ensure_database(url: str, *, fresh: bool) -> None:
    """Create the bench database if missing; FRESH drops it first (only a database whose name says bench)."""
    name = database_name(url)
    try:
        admin = psycopg.connect(maintenance_url(url), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        raise BenchError(f"PostgreSQL does not answer at {maintenance_url(url)}: {error}") from None
    with admin as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            if "bench" not in name:
                raise BenchError(f"refusing to drop {name!r} to reseed: a bench database's name contains 'bench'")
            say(f"dropping database {name} to seed it again")
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            say(f"creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def world_matches(cfg: dict) -> bool:
    """The saved world was seeded at this scale, into this database, and is still there.

    Whichever checkout is served: the seed is always this checkout's, and the schema follows the served one.
    """
    world_path, source_path = cfg["var_dir"] / "world.json", cfg["var_dir"] / "world-source.json"
    if not world_path.exists() or not source_path.exists():
        return False
    world, source = json.loads(world_path.read_text()), json.loads(source_path.read_text())
    if (world.get("scale"), source.get("database")) != (cfg["scale"], cfg["database_url"]):
        return False
    coachee = world["people"]["coachee"]
    try:
        with psycopg.connect(cfg["database_url"]) as conn:
            row = conn.execute("SELECT 1 FROM people_employee WHERE id = %s", [coachee["id"]]).fetchone()
    except psycopg.Error:
        return False
    return row is not None


def manage(args: list[str], *, cwd: Path, env: dict, log: Path | None = None) -> None:
    argv = [PYTHON, "manage.py", *args]
    with open(log, "a") if log else open(os.devnull, "w") as sink:
        done = subprocess.run(argv, cwd=cwd, env=env, stdout=sink if log else None, stderr=subprocess.STDOUT)
    if done.returncode:
        raise BenchError(f"`manage.py {' '.join(args)}` in {cwd} failed ({done.returncode})")


def migration_leaves(checkout: Path) -> dict[str, str]:
    """The last migration of each of the checkout's apps (Tumbuh's migrations are numbered, one line each)."""
    leaves = {}
    for folder in sorted((checkout / "tumbuh").glob("*/migrations")):
        names = sorted(path.stem for path in folder.glob("[0-9]*.py"))
        leaves[folder.parent.name] = names[-1] if names else "zero"
    return leaves


def prepare_database(cfg: dict, env: dict) -> dict:
    """Migrate, seed when the saved world does not match, and bring the schema to the served checkout's."""
    var_dir = cfg["var_dir"]
    reuse = not cfg["reseed"] and world_matches(cfg)
    ensure_database(cfg["database_url"], fresh=not reuse)
    say("migrating")
    manage(["migrate", "--noinput", "-v0"], cwd=REPO, env=env)
    if reuse:
        say("reusing the seeded world (BENCH_RESEED=1 seeds again)")
    else:
        say(f"seeding at scale {cfg['scale']} (manage.py bench_seed)")
        (var_dir / "world-source.json").unlink(missing_ok=True)
        manage(["bench_seed", "--scale", str(cfg["scale"]), "--out", str(var_dir / "world.json")], cwd=REPO, env=env)
        source = {"database": cfg["database_url"], "app_dir": str(cfg["app_dir"])}
        (var_dir / "world-source.json").write_text(json.dumps(source, indent=2))
    if cfg["app_dir"] != REPO:
        # The world is written by this checkout's bench_seed; the served one may know fewer migrations.
        # This checkout (which knows them all) takes the schema back to the served checkout's last ones.
        served = migration_leaves(cfg["app_dir"])
        for app, leaf in migration_leaves(REPO).items():
            target = served.get(app, "zero")
            if target != leaf:
                say(f"schema of {app} back to {target} for {cfg['app_dir']}")
                manage(["migrate", app, target, "--noinput", "-v0"], cwd=REPO, env=env)
        manage(["migrate", "--noinput", "-v0"], cwd=cfg["app_dir"], env=env)
    world = json.loads((var_dir / "world.json").read_text())
    rows = sum(figures.get("rows", 0) for figures in world.get("tables", {}).values())
    say(f"world: scale {world['scale']}, {rows} rows seeded in {world.get('seconds')} s")
    return world


# -- processes ------------------------------------------------------------------------------------------------


class Processes:
    """Children in their own process groups, so Ctrl-C reaches us first and we stop them, all of them."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, argv: list[str], *, cwd: Path, env: dict) -> None:
        log = open(self.log_dir / f"{name}.log", "w")  # noqa: SIM115 -- the child keeps it
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.running.append((name, child))

    def check(self) -> None:
        for name, child in self.running:
            if child.poll() is not None:
                raise BenchError(f"{name} exited with {child.returncode}: see {self.log_dir / name}.log")

    def stop(self) -> None:
        for _name, child in self.running:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        for _name, child in self.running:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        self.running.clear()


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def nginx_config(*, listen: int, upstreams: list[int], var_dir: Path, as_root: bool) -> str:
    """Round robin over the app nodes on loopback; everything nginx writes stays under VAR_DIR."""
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in upstreams)
    temp = var_dir / "nginx-temp"
    return f"""# Generated by scripts/bench.py for a two-node bench run.
{"user root;" if as_root else ""}
daemon off;
worker_processes 1;
pid {var_dir / "nginx.pid"};
error_log {var_dir / "logs" / "nginx-error.log"} warn;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  upstream tumbuh {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{listen};
    location / {{
      proxy_pass http://tumbuh;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }}
  }}
}}
"""


def static_fresh(checkout: Path) -> bool:
    """The collected files' manifest is newer than every static source (the project's, and the packages' as
    pinned by requirements.txt): collectstatic, which compresses everything again, would change nothing."""
    manifest = checkout / "var" / "static" / "staticfiles.json"
    if not manifest.exists():
        return False
    sources = [checkout / "requirements.txt", *(checkout / "tumbuh").glob("**/static/**/*")]
    return all(path.stat().st_mtime < manifest.stat().st_mtime for path in sources if path.exists())


def serve(cfg: dict, env: dict, procs: Processes, tools: dict) -> tuple[int, list[int]]:
    """Start the nodes, the worker and (for two nodes) nginx; the port to load and the nodes' ports."""
    nodes = [cfg["port"] + index for index in range(cfg["nodes"])]
    front = cfg["port"] - 1 if cfg["nodes"] > 1 else nodes[0]
    for port in {front, *nodes}:
        if not port_free(port):
            raise BenchError(f"port {port} is taken (BENCH_PORT moves the bench's ports)")
    if static_fresh(cfg["app_dir"]):
        say("static files already collected")
    else:
        say("collectstatic")
        manage(["collectstatic", "--noinput", "-v0"], cwd=cfg["app_dir"], env=env)
    for index, port in enumerate(nodes):
        procs.start(
            f"gunicorn-{index + 1}",
            [str(BIN / "gunicorn"), "tumbuh.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
            + ["--no-control-socket"],
            cwd=cfg["app_dir"],
            env=env,
        )
    procs.start("db_worker", [PYTHON, "manage.py", "db_worker"], cwd=cfg["app_dir"], env=env)
    if cfg["nodes"] > 1:
        for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (cfg["var_dir"] / "nginx-temp" / folder).mkdir(parents=True, exist_ok=True)
        conf = cfg["var_dir"] / "nginx.conf"
        conf.write_text(nginx_config(listen=front, upstreams=nodes, var_dir=cfg["var_dir"], as_root=os.geteuid() == 0))
        procs.start("nginx", [tools["nginx"], "-c", str(conf), "-p", str(cfg["var_dir"])], cwd=cfg["var_dir"], env=env)
    deadline = time.monotonic() + READY_SECONDS
    for port in [*nodes, front]:
        while True:
            procs.check()
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise BenchError(f"nothing answers /healthz on port {port}: see {procs.log_dir}")
            time.sleep(0.3)
    behind = f" behind nginx on {front}" if cfg["nodes"] > 1 else ""
    say(f"serving {cfg['app_dir']} on {', '.join(map(str, nodes))}{behind}")
    return front, nodes


# -- queries per page -------------------------------------------------------------------------------------


def probe(cfg: dict, env: dict, pages: list[dict], world: dict) -> dict:
    """Queries and database time per page, in a separate process on the served checkout."""
    spec = {
        "login_path": LOGIN_PATH,
        "password": world["password"],
        "runs": PROBE_RUNS,
        "pages": [
            {
                "name": page["name"],
                "method": page["method"],
                "path": page["path"],
                "body": page["body"],
                "expect": page["expect"],
                "login": world["people"][page["role"]]["login"] if page["role"] and not page["token"] else None,
                "token": world["people"][page["role"]]["token"] if page["token"] else None,
            }
            for page in pages
        ],
    }
    spec_path, out_path = cfg["var_dir"] / "probe-spec.json", cfg["var_dir"] / "probe.json"
    spec_path.write_text(json.dumps(spec, indent=2))
    probe_env = {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(cfg["app_dir"]), env.get("PYTHONPATH")]))}
    say(f"queries and database time per page (median of {PROBE_RUNS} in-process runs)")
    done = subprocess.run(
        [PYTHON, str(SCRIPTS / "bench_probe.py"), str(spec_path), str(out_path)], cwd=cfg["app_dir"], env=probe_env
    )
    if done.returncode:
        raise BenchError("scripts/bench_probe.py failed")
    return json.loads(out_path.read_text())


# -- the run --------------------------------------------------------------------------------------------------


def app_env(cfg: dict, front: int) -> dict:
    """Production's settings (docs/deployment.md) as far as plain HTTP on loopback allows."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("EMAIL_", "DJANGO_"))}
    for key in ("TASKS_BACKEND", "BEHIND_HTTPS_PROXY", "SECRET_KEY_FILE", "TUMBUH_VAR_DIR", "STATIC_MANIFEST"):
        env.pop(key, None)
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=cfg["database_url"],
        # As docs/deployment.md; BENCH_CONN_MAX_AGE=0 serves as before persistent connections (a "before" run).
        DB_CONN_MAX_AGE=os.getenv("BENCH_CONN_MAX_AGE", "60"),
        SITE_URL=f"http://127.0.0.1:{front}",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    return env


def machine(cfg: dict) -> dict:
    commit = subprocess.run(
        ["git", "-C", str(cfg["app_dir"]), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    with psycopg.connect(cfg["database_url"]) as conn:
        postgres = conn.execute("SHOW server_version").fetchone()[0]
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "postgres": postgres,
        "commit": commit or "?",
        "app_dir": str(cfg["app_dir"]),
        "gunicorn_workers": 2,
        "duration_s": cfg["duration"],
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def run(cfg: dict, procs: Processes) -> dict:
    started = time.monotonic()
    tools = ensure_tools(cfg["nodes"])
    front_port = cfg["port"] - 1 if cfg["nodes"] > 1 else cfg["port"]
    env = app_env(cfg, front_port)
    world = prepare_database(cfg, env)
    front, nodes = serve(cfg, env, procs, tools)
    node_report: dict = {"count": len(nodes)}
    if len(nodes) > 1:
        node_report = cross_node_check(nodes, world["people"]["coachee"]["login"], world["password"])
        say(f"two nodes: {node_report}")
        if not (node_report["cross_node_login"] and node_report["cross_node_csrf"]):
            raise BenchError(f"a login or a CSRF token of one node is not honoured by the other: {node_report}")
    pages = bench_pages(world, datetime.date.today())
    if cfg["pages"]:
        pages = [page for page in pages if page["name"] in cfg["pages"] or page["name"] == "healthz"]
    roles = {page["role"] for page in pages if page["role"] and not page["token"]}
    sessions = {role: log_in(front, world["people"][role]["login"], world["password"]) for role in sorted(roles)}
    stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    check_pages(front, pages, world, sessions, stamp)
    say(f"all {len(pages)} pages answer")
    figures = probe(cfg, env, pages, world)
    rows = []
    for page in pages:
        header = auth_header(page, world, sessions)
        for clients in CONCURRENCIES:
            procs.check()
            args = {"clients": clients, "stamp": stamp, "wrk": tools["wrk"]}
            load(front, page, header, seconds=cfg["warmup"], **args)
            summary = load(front, page, header, seconds=cfg["duration"], **args)
            row = page_row(
                name=page["name"], path=page["path"], concurrency=clients, load=summary, probe=figures[page["name"]]
            )
            rows.append(row)
            say(
                f"{row['name']:<24} c={clients}  p50 {row['p50_ms']:7.1f}  p95 {row['p95_ms']:7.1f}  "
                f"p99 {row['p99_ms']:7.1f} ms  {row['rps']:7.1f} req/s  {row['errors']} errors  "
                f"{row['queries']} queries  {row['db_ms']:.1f} db ms"
            )
    results = build_results(
        scale=cfg["scale"], pages=rows, seed_seconds=world.get("seconds"), nodes=node_report, machine=machine(cfg)
    )
    results["machine"]["run_seconds"] = round(time.monotonic() - started)
    return results


def publish(cfg: dict, results: dict) -> None:
    cfg["out"].parent.mkdir(parents=True, exist_ok=True)
    cfg["out"].write_text(json.dumps(results, indent=2) + "\n")
    say(f"results: {cfg['out']}")
    table = markdown_table(results)
    print(table)
    if cfg["docs"]:
        doc = REPO / "docs" / "performance.md"
        doc.write_text(rewrite_table(doc.read_text(), table))
        say(f"table rewritten in {doc}")
    failed = [verdict for verdict in results["budgets"] if not verdict["ok"]]
    for verdict in failed:
        where = f"{verdict['page']} c={verdict['concurrency']}"
        say(f"over budget: {where} {verdict['rule']}: {verdict['value']} > {verdict['limit']}")
    say(f"{len(results['budgets']) - len(failed)} of {len(results['budgets'])} budgets met")


def main() -> int:
    cfg = config()
    (cfg["var_dir"] / "logs").mkdir(parents=True, exist_ok=True)
    procs = Processes(cfg["var_dir"] / "logs")
    # Ctrl-C even when started in the background (where SIGINT starts ignored); TERM and HUP unwind the same way,
    # through the finally below.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, frame: sys.exit(128 + number))
    try:
        results = run(cfg, procs)
    except BenchError as error:
        say(f"FAILED: {error}")
        return 1
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    finally:
        procs.stop()
    publish(cfg, results)
    return 1 if cfg["strict"] and not all(verdict["ok"] for verdict in results["budgets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
