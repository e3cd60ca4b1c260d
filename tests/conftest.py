"""Shared fixtures: paths, the sample cases, and a LibreOffice recalculation helper."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
CASES = Path(__file__).resolve().parent / "cases"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of one tests/cases/*.yaml file."""
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(path: Path, workdir: Path) -> Path:
    """Open a workbook in LibreOffice headless, recalculate it, save it as .xlsx; return the copy.

    LibreOffice computes formulas that have no cached value when it loads the file, so the
    saved copy holds the values a spreadsheet engine computes for them.
    """
    binary = soffice()
    if binary is None:
        if os.environ.get("NLSHEET_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = workdir / "recalculated"
    out.mkdir(exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            binary,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(workdir)},
    )
    result = out / (path.stem + ".xlsx")
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the trained model cache of the test run out of the user's home."""
    cache = tmp_path_factory.getbasetemp() / "nlsheet-cache"
    monkeypatch.setenv("NLSHEET_CACHE_DIR", str(cache))
