"""The set-up files agree with each other (pyproject.toml is the source of truth)."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def requirement(spec: str) -> tuple[str, str]:
    name, version = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", spec).groups()
    return name.lower().replace("_", "-"), version.replace(" ", "")


def test_environment_yml_lists_the_pyproject_packages():
    project = PYPROJECT["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["notebooks"],
              *project["optional-dependencies"]["test"]]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python=", "pip"))]
    assert dict(map(requirement, conda)) == dict(map(requirement, wanted))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ['-e ".[notebooks,test]"']


def test_constraints_pin_the_versions_that_shape_notebook_outputs():
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins = {name.lower(): version for name, version in pins.items()}
    for package in ("pandas", "numpy", "matplotlib", "scikit-learn", "ipykernel", "nbval", "nltk", "scipy"):
        assert package in pins, package
    extras = PYPROJECT["project"]["optional-dependencies"]
    for spec in [*PYPROJECT["project"]["dependencies"], *(s for e in extras.values() for s in e)]:
        assert requirement(spec)[0] in pins, f"{spec} is not pinned in constraints.txt"


def test_ci_runs_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text()
    assert [line for line in run.splitlines() if line and not line.startswith(("#", "set ", "cd "))] == ["make test"]
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make report" in readme
    makefile = (ROOT / "Makefile").read_text()
    for target in ("setup", "lab", "test", "regen", "report"):
        assert re.search(rf"^{target}:.*## ", makefile, re.MULTILINE), target
