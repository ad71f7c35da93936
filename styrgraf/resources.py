"""Where the project's data files live (ontology, shapes, named queries).

They are kept in the top-level folders ontology/, shapes/ and queries/ of the source tree. A
wheel carries them inside the package (pyproject.toml maps them to styrgraf.ontology,
styrgraf.shapes and styrgraf.queries), so an installed styrgraf reads them there, and a
checkout (an editable install, `make run`) reads them beside the package.
"""
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


ONTOLOGY_DIR = _data_dir("ontology")
SHAPES_DIR = _data_dir("shapes")
QUERIES_DIR = _data_dir("queries")
