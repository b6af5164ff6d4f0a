"""Dependencies point one way (STYLE.md): a test reads the imports and keeps it so."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "timeline"
BASE = {"models", "errors", "settings"}
# Who may import what, by module: the rest of the stages may import only BASE and helpers.
COMPOSERS = {"pipeline", "cli", "cli_io", "views", "__main__"}


def imports(module: Path) -> set[str]:
    """Names of timeline modules imported by a module."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("timeline."):
            found.add(node.module.split(".")[1])
    return found


@pytest.mark.parametrize("name", sorted(BASE))
def test_base_modules_import_nothing_of_ours(name):
    assert imports(PKG / f"{name}.py") <= BASE - {name} - {"settings", "errors"} | (
        {"models"} if name != "models" else set()
    )


def test_nothing_imports_cli():
    for module in PKG.glob("*.py"):
        if module.stem not in {"cli", "__main__"}:
            assert not imports(module) & {"cli", "cli_io"}, module.name


def test_only_render_imports_plotly():
    for module in PKG.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.stem not in {"render", "render_prep"}:
            assert "import plotly" not in text and "from plotly" not in text, module.name


def test_stages_do_not_import_pipeline_or_store():
    for module in PKG.glob("*.py"):
        if module.stem in COMPOSERS or module.stem == "store":
            continue
        assert not imports(module) & {"pipeline", "store", "views"}, module.name
