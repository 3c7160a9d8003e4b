#!/usr/bin/env bash
# Grading benchmark: 200 submissions of the largest assignment (A3, a3-schedules) graded in the bubblewrap sandbox,
# timed end to end (wall clock of one `normdecay grade` run), with the load average printed beside the number (the
# machine may be shared). Not a unit test: run it by hand or in a nightly job.
#
#   bash tests/NormDecay.Benchmarks/grading/run.sh [COUNT=200] [PARALLEL=2]
#
# The class: 60% the instructor's solution, 15% an honest solution written differently, 15% one classic mistake
# (integer division in inverse-time decay), 9% untouched releases, 1% an infinite loop in one part (each costs the
# 30 s time limit of one part). Submissions are generated with python3 (standard library only) into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../../.."
count=${1:-200}
parallel=${2:-2}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/NormDecay.Cli -c Release -v q -nologo >/dev/null
cli="dotnet artifacts/build/bin/NormDecay.Cli/release/NormDecay.Cli.dll"
work=$(mktemp -d /tmp/normdecay-grading-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
$cli assign notebooks/en/a3-schedules.ipynb -o "$work" >/dev/null
python3 - "$work" "$count" <<'PY'
import json, os, sys
work, count = sys.argv[1], int(sys.argv[2])
src = json.load(open('notebooks/en/a3-schedules.ipynb'))
rel = json.load(open(os.path.join(work, 'release', 'a3-schedules', 'a3-schedules.ipynb')))
solution = {c['id']: ''.join(c['source']) for c in src['cells'] if c['cell_type'] == 'code' and c['metadata'].get('nbgrader', {}).get('solution')}
different = dict(solution, **{'step-decay': 'double StepDecay(int epoch, double lr0, int stepSize, double gamma)\n{\n    double lr = lr0;\n    for (int k = stepSize; k <= epoch; k += stepSize) lr *= gamma;\n    return lr;\n}'})
mistake = dict(solution, **{'inverse-time': solution['inverse-time'].replace('(double)step / decaySteps', 'step / decaySteps')})
looping = dict(solution, **{'triangular': 'double TriangularCycle(int iteration, double baseLr, double maxLr, int stepSize) { while (true) { } }'})
for i in range(count):
    r = i % 100
    cells = solution if r < 60 else different if r < 75 else mistake if r < 90 else None if r < 99 else looping
    nb = json.loads(json.dumps(rel))
    for c in nb['cells']:
        if cells is not None and c.get('id') in cells:
            c['source'] = cells[c['id']]
    d = os.path.join(work, 'submitted', f'student{i:03d}', 'a3-schedules')
    os.makedirs(d, exist_ok=True)
    json.dump(nb, open(os.path.join(d, 'a3-schedules.ipynb'), 'w'), indent=1)
PY
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
start=$(date +%s.%N)
$cli grade "$work/submitted" -o "$work" --source notebooks/en/a3-schedules.ipynb --parallel "$parallel" > "$work/grade.log"
end=$(date +%s.%N)
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
tail -1 "$work/grade.log"
awk -v s="$start" -v e="$end" -v n="$count" -v p="$parallel" '
  / in [0-9.]+ s$/ { t = $(NF-1); sum += t; k++ }
  END { printf "grading: %d submissions of a3-schedules in %.1f s wall clock (%d at a time): %.2f s per submission of wall clock, %.2f s mean time per submission in its slot\n", n, e - s, p, (e - s) / n, sum / k }' "$work/grade.log"
