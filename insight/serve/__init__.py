"""``insight serve``: a local web workspace on the history store, where product managers triage
themes. :func:`insight.serve.app.create_app` builds it; the optional extra ``serve`` (Starlette,
uvicorn) runs it."""
