"""Where the project's data files live (ontology, shapes, named queries).

styrgraf runs from its source tree (installed editable by `make run`), so the
data directories are found beside the package.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"
