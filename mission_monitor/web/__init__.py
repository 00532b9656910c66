"""web stage: the dashboard (server-rendered pages, SVG charts) and the read-only JSON API.

from mission_monitor.web import create_app
app = create_app("mission-monitor.db")      # a FastAPI app; `mission-monitor serve` runs it
"""

from mission_monitor.web.app import create_app

__all__ = ["create_app"]
