#!/usr/bin/env bash
# Runs the NormDecay benchmarks, the same workloads in TorchSharp (LibTorch 2.10, MKL) in the same process, the machine's
# limits (triad bandwidth, FMA peak), all under BenchmarkDotNet, then bench.py with Debian's PyTorch 1.13, in one session on
# this machine, and prints one side-by-side table (issue 14). See README.md.
#   tests/NormDecay.Benchmarks/run.sh            full run (about 8-12 minutes on 2 cores)
#   tests/NormDecay.Benchmarks/run.sh --quick    smoke run (3 iterations per benchmark, few PyTorch reps)
# Results go to $BENCH_OUT (default: artifacts/benchmarks/<timestamp>/ in the checkout).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTORCH_PYTHON:-/usr/bin/python3}"
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

out="${BENCH_OUT:-$root/artifacts/benchmarks/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
# Own build folder, so a run never shares obj/bin with another build of the tree.
export ArtifactsPath="${ArtifactsPath:-/tmp/nd-bench}"
export NORMDECAY_ROOT="$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "error: $python cannot import torch (install Debian's python3-torch or set PYTORCH_PYTHON)" >&2
  exit 1
fi

echo "== building (Release)" >&2
dotnet build "$here/NormDecay.Benchmarks.csproj" -c Release -v quiet -nologo >&2
bin="$ArtifactsPath/bin/NormDecay.Benchmarks/release"
# TorchSharp's native library needs a newer C++ runtime than Debian 12's: peer-runtime.sh supplies Debian 13's for this
# one process (see the script) and prints the program to start.
program="$("$here/peer-runtime.sh" "$bin" "${PEER_RUNTIME_DIR:-$ArtifactsPath/peer-runtime}")"
run_bench() { "$program" "$@"; }

echo "== NormDecay, TorchSharp and the machine's limits (BenchmarkDotNet, one process)" >&2
cd "$out"
bdn_args=(--filter '*' --artifacts "$out/bdn")
[[ $quick == 1 ]] && export NORMDECAY_BENCH_QUICK=1
run_bench --json "$out/normdecay.json" "${bdn_args[@]}" | tee "$out/normdecay.log" >&2

echo "== PyTorch ($("$python" -c 'import torch; print(torch.__version__)'), 1 thread, float64)" >&2
py_args=(--out "$out/pytorch.json" --data "$root/data/digits.csv")
[[ $quick == 1 ]] && py_args+=(--quick)
"$python" "$here/pytorch/bench.py" "${py_args[@]}" 2>&1 | tee "$out/pytorch.log" >&2

echo "== NormDecay vs TorchSharp vs PyTorch 1.13 (medians; ratio = NormDecay / peer, lower is better)" >&2
run_bench compare "$out/normdecay.json" "$out/pytorch.json" --out "$out/comparison.md"
echo "results: $out" >&2
