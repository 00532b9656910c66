"""``serve``: the web dashboard and the JSON API over one database."""

from __future__ import annotations

from pathlib import Path

import typer

from mission_monitor.cli.app import DB_OPTION, app, resolve_db
from mission_monitor.cli.commands_record import MISSION_OPTION
from mission_monitor.errors import ConfigError, StoreError
from mission_monitor.store import Store


@app.command()
def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    mission: Path | None = MISSION_OPTION,
) -> None:
    """Serve the dashboard (pages at /) and the read-only JSON API (/api/v1, OpenAPI document
    at /api/v1/openapi.json). Everything is served locally: no CDN, no internet needed.

    Example: mission-monitor serve --db out/mission-monitor.db --port 8000
    """
    import uvicorn

    from mission_monitor.web.app import create_app

    try:
        store = Store.open(resolve_db(db), must_exist=True)
        web_app = create_app(store, mission=mission, warm=True)
    except (StoreError, ConfigError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Mission Monitor: http://{host}:{port}/  (API: http://{host}:{port}/api/v1/)")
    uvicorn.run(web_app, host=host, port=port, log_level="info")
