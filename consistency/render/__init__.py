"""Renderers: each turns one Report into one output format."""
from .json import render_json
from .text import render_text

RENDERERS = {"json": render_json, "text": render_text}

__all__ = ["RENDERERS", "render_json", "render_text"]
