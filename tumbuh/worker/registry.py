"""What to do with an abandoned task of a given kind, registered by each app in its AppConfig.ready().

Handlers are named by dotted path and imported when a sweep needs them, so an app's ready() imports no models.
"""

_HANDLERS: dict[str, str] = {}


def on_abandoned(task_path: str, handler_path: str) -> None:
    """Instead of running TASK_PATH ("module.function") again, call HANDLER_PATH(result) when its worker died."""
    _HANDLERS[task_path] = handler_path


def handler_for(task_path: str) -> str | None:
    return _HANDLERS.get(task_path)
