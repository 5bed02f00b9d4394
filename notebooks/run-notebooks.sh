#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless, top to bottom, and writes the executed copies (with
# their outputs and figures) to notebooks/target/. Exits non-zero if any cell of any notebook fails.
#
#   bash notebooks/run-notebooks.sh            # all notebooks
#   bash notebooks/run-notebooks.sh researcher # only notebooks/researcher.ipynb
#
# With several notebooks and none of the settings that change a run, the pipeline runs once for them
# all (OUTCOMES_LAKE); a notebook run alone runs the pipeline itself.
#
# Needs Debian's Jupyter for the system Python (the `python3` first on PATH may be another interpreter):
#   apt-get install -y --no-install-recommends python3-nbconvert python3-nbclient python3-ipykernel \
#       python3-pandas python3-matplotlib
set -euo pipefail
NOTEBOOKS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$NOTEBOOKS/.." && pwd)"
PYTHON="${NOTEBOOK_PYTHON:-/usr/bin/python3}"
OUT="$NOTEBOOKS/target"

if ! "$PYTHON" -c 'import nbconvert, nbclient, ipykernel, pandas, matplotlib' 2>/dev/null; then
  echo "run-notebooks: $PYTHON lacks Jupyter, pandas or matplotlib; install them with:" >&2
  echo "  apt-get install -y --no-install-recommends python3-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib" >&2
  exit 1
fi

notebooks=()
if [ "$#" -gt 0 ]; then
  for name in "$@"; do
    path="$NOTEBOOKS/${name%.ipynb}.ipynb"
    [ -f "$path" ] || { echo "run-notebooks: no notebook $path" >&2; exit 2; }
    notebooks+=("$path")
  done
else
  shopt -s nullglob
  notebooks=("$NOTEBOOKS"/*.ipynb)
  shopt -u nullglob
fi
if [ "${#notebooks[@]}" -eq 0 ]; then
  echo "run-notebooks: no notebook in $NOTEBOOKS" >&2
  exit 1
fi

# The kernel must be this Python: a kernel spec of our own comes first on JUPYTER_PATH, so that a
# "python3" kernel registered for another interpreter (e.g. in ~/.local/share/jupyter) is not used.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/run-notebooks.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/jupyter/kernels/python3"
cat >"$scratch/jupyter/kernels/python3/kernel.json" <<EOF
{"argv": ["$PYTHON", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (ipykernel)", "language": "python"}
EOF
export JUPYTER_PATH="$scratch/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export OUTCOMES_HOME="$REPO"
export OUTCOMES_FIGURES_DIR="${OUTCOMES_FIGURES_DIR:-$OUT/figures}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
mkdir -p "$OUT"

# Several notebooks on the default batch and settings read one lake: the pipeline runs once here,
# and each notebook exports what it needs from it (OUTCOMES_LAKE), instead of a run per notebook.
if [ "${#notebooks[@]}" -gt 1 ] && [ -z "${OUTCOMES_LAKE:-}${OUTCOMES_CSV_DIR:-}${OUTCOMES_INPUT:-}" ] \
    && [ -z "${OUTCOMES_AS_OF:-}${OUTCOMES_MAX_REJECT_RATE:-}${OUTCOMES_MIN_CELL_SIZE:-}" ]; then
  echo "run-notebooks: one pipeline run on data-samples/sample for the ${#notebooks[@]} notebooks ..." >&2
  started=$SECONDS
  if ! "$REPO/bin/outcomes" run --input "$REPO/data-samples/sample" --lake "$scratch/lake" >"$scratch/run.log" 2>&1; then
    cat "$scratch/run.log" >&2
    echo "run-notebooks: the shared pipeline run failed" >&2
    exit 1
  fi
  echo "run-notebooks: shared run done in $((SECONDS - started)) s" >&2
  export OUTCOMES_LAKE="$scratch/lake"
fi

failed=()
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  echo "run-notebooks: executing $name ..." >&2
  started=$SECONDS
  # The kernel starts in the notebook's folder; the notebook finds the repository from OUTCOMES_HOME.
  if (cd "$NOTEBOOKS" && "$PYTHON" -m nbconvert --to notebook --execute \
        --ExecutePreprocessor.timeout=900 --NbConvertApp.use_output_suffix=False \
        --output-dir "$OUT" "$nb" </dev/null); then
    echo "run-notebooks: $name passed in $((SECONDS - started)) s -> $OUT/$name" >&2
  else
    echo "run-notebooks: $name FAILED after $((SECONDS - started)) s (its traceback is above)" >&2
    failed+=("$name")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "run-notebooks: ${#failed[@]} of ${#notebooks[@]} notebook(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-notebooks: ${#notebooks[@]} notebook(s) passed; executed copies in $OUT" >&2
