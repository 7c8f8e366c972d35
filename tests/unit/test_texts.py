"""afroboost/texts/: modules found without an edit in __init__, and a text defined twice fails at import."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from afroboost import texts
from afroboost.texts.common import _Table

PACKAGE = Path(texts.__file__).parent


def test_every_module_is_in_the_namespace():
    for info in pkgutil.iter_modules(texts.__path__):
        module = importlib.import_module(f"afroboost.texts.{info.name}")
        for name in texts._defined_names(Path(module.__file__)):
            assert getattr(texts, name) is getattr(module, name), name


def test_imported_names_are_not_counted_as_defined(tmp_path):
    source = tmp_path / "m.py"
    source.write_text('from afroboost.texts.common import ERR\nX = "x"\nA, B = "a", "b"\nERR["k"] = "v"\n_P = 1\n')
    assert texts._defined_names(source) == ["X", "A", "B"]


def test_an_error_key_defined_twice_fails():
    table = _Table("ERR")
    table.update({"a": "1"})
    with pytest.raises(ImportError, match=r"texts.ERR\['a'\] is defined twice"):
        table.update(a="2")


def test_err_falls_back_to_generic():
    assert texts.err("no_such_key") == texts.ERR["generic"]


@pytest.mark.parametrize("extra, message", [
    ('BRAND = "Autre"\n', "texts.BRAND is defined by both texts/common.py and texts/zz_extra.py"),
    ('NEW_TEXT = "Nouveau"\n', None),
])
def test_a_new_module_needs_no_edit_and_a_duplicate_fails(tmp_path, extra, message):
    # a copy of afroboost.texts alone plus one module, imported in a fresh interpreter
    copy = tmp_path / "afroboost" / "texts"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy.parent / "__init__.py").write_text("")
    (copy / "zz_extra.py").write_text(extra)
    code = "from afroboost import texts as t; print(t.BRAND, getattr(t, 'NEW_TEXT', ''))"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)},
                         capture_output=True, text=True)
    if message:
        assert run.returncode != 0 and message in run.stderr
    else:
        assert run.returncode == 0, run.stderr
        assert run.stdout.split() == ["Afroboost", "Nouveau"]
