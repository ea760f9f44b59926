"""The extraction engine is plain Python: benchmarks and scripts run it without Django."""

import ast
from pathlib import Path

import statements.extraction

PACKAGE = Path(statements.extraction.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_under_extraction_imports_django():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert modules, "the extraction package has no modules?"
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "django"
        )
        for path in modules
    }
    assert {path: names for path, names in offenders.items() if names} == {}
