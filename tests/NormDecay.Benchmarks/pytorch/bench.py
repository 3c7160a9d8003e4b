#!/usr/bin/python3
"""PyTorch side of the NormDecay benchmarks (issue 7).

Runs the same workloads as tests/NormDecay.Benchmarks (BenchmarkDotNet) on the same
machine, one thread, float64, and writes a JSON file that run.sh merges with the C#
results into one table.

Workloads (names shared with the C# side, see Workloads.cs):
  bn_fwd_bwd_256x512     BatchNorm1d forward + backward, training mode, batch 256 x 512 features
  bn_fwd_bwd_1024x1024   the same, 1024 x 1024
  mlp_epoch_nobn         one epoch of the digits MLP 64-128-128-10, batch 64, SGD lr 0.1 momentum 0.9
  mlp_epoch_bn           the same with BatchNorm1d before each hidden activation
  lr_sweep               lesson 4's sweep: 6 learning rates x 3 epochs x (without BN, with BN),
                         each a freshly initialised network, evaluated on the test split after each epoch

Data: data/digits.csv (header, 64 pixel columns, one label column). Split: the first 80%
of the rows (floor(0.8 * n) = 1437 of 1797) train, the rest test, in file order; features
standardised with the training rows' mean and (biased) standard deviation, constant
columns left at scale 1. The C# side applies exactly the same rule.

Each epoch shuffles the training rows (a seeded permutation), and every step records the
loss and the batch accuracy as Python floats, as the NormDecay trainer's history does.

Timing: time.perf_counter_ns around one operation; warm-up first, then repetitions
until both a minimum count and a minimum time are reached; reports median, mean,
standard deviation, min, max, p25/p75 and the median absolute deviation.

Usage: /usr/bin/python3 bench.py [--out results.json] [--quick] [--only NAME ...]
"""
import argparse
import csv
import json
import math
import os
import platform
import re
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
LABEL_NAMES = ("label", "target", "class", "digit", "y")

BATCH = 64
LR = 0.1
MOMENTUM = 0.9
SWEEP_LRS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
SWEEP_EPOCHS = 3
SEED = 42


# ---------------------------------------------------------------- data
def load_digits(path):
    """Read data/digits.csv: a header row, numeric feature columns, one integer label column."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f"{path}: empty file")
    header = [h.strip() for h in rows[0]]
    lower = [h.lower() for h in header]
    label_col = next((lower.index(n) for n in LABEL_NAMES if n in lower), len(header) - 1)
    xs, ys = [], []
    for line_no, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            sys.exit(f"{path}:{line_no}: {len(row)} fields, header has {len(header)}")
        ys.append(int(float(row[label_col])))
        xs.append([float(v) for i, v in enumerate(row) if i != label_col])
    return torch.tensor(xs, dtype=torch.float64), torch.tensor(ys, dtype=torch.long)


def split_and_standardize(x, y):
    """First floor(0.8 n) rows train, the rest test; standardise with the train statistics."""
    n_train = int(math.floor(0.8 * x.shape[0]))
    x_train, y_train = x[:n_train], y[:n_train]
    x_test, y_test = x[n_train:], y[n_train:]
    mean = x_train.mean(dim=0)
    std = x_train.std(dim=0, unbiased=False)
    std = torch.where(std > 0, std, torch.ones_like(std))
    return ((x_train - mean) / std).contiguous(), y_train, ((x_test - mean) / std).contiguous(), y_test


# ---------------------------------------------------------------- models
def make_mlp(with_bn, seed):
    torch.manual_seed(seed)
    sizes = [64, 128, 128]
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        layers.append(nn.Linear(fan_in, fan_out))
        if with_bn:
            layers.append(nn.BatchNorm1d(fan_out))
        layers.append(nn.ReLU())
    layers.append(nn.Linear(sizes[-1], 10))
    model = nn.Sequential(*layers)
    for m in model:
        if isinstance(m, nn.Linear):  # He initialisation, as the NormDecay MLP
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    return model


def train_epoch(model, opt, x, y, gen, history):
    """One epoch: seeded shuffle, mini-batches of 64, record loss and accuracy per step."""
    model.train()
    perm = torch.randperm(x.shape[0], generator=gen)
    n = x.shape[0]
    for start in range(0, n, BATCH):
        idx = perm[start:start + BATCH]
        xb, yb = x.index_select(0, idx), y.index_select(0, idx)
        opt.zero_grad(set_to_none=False)
        logits = model(xb)
        loss = F.cross_entropy(logits, yb)
        loss.backward()
        opt.step()
        history.append((loss.item(), (logits.argmax(dim=1) == yb).double().mean().item()))


@torch.no_grad()
def evaluate(model, x, y):
    model.eval()
    return (model(x).argmax(dim=1) == y).double().mean().item()


# ---------------------------------------------------------------- timing
def measure(fn, min_reps, min_seconds, warmup):
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_reps or time.perf_counter() - start < min_seconds:
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
        if len(times) >= 100_000:
            break
    times.sort()
    med = statistics.median(times)
    q = statistics.quantiles(times, n=4) if len(times) >= 2 else [times[0]] * 3
    return {
        "n": len(times),
        "median_ns": med,
        "mean_ns": statistics.fmean(times),
        "stdev_ns": statistics.stdev(times) if len(times) > 1 else 0.0,
        "min_ns": times[0],
        "max_ns": times[-1],
        "p25_ns": q[0],
        "p75_ns": q[2],
        "mad_ns": statistics.median([abs(t - med) for t in times]),
    }


# ---------------------------------------------------------------- workloads
def bn_workload(rows, cols):
    gen = torch.Generator().manual_seed(SEED)
    bn = nn.BatchNorm1d(cols)
    with torch.no_grad():
        bn.weight.copy_(1.0 + 0.1 * torch.randn(cols, generator=gen))
        bn.bias.copy_(0.1 * torch.randn(cols, generator=gen))
    bn.train()
    x = (3.0 + 2.0 * torch.randn(rows, cols, generator=gen)).requires_grad_(True)
    d_out = torch.randn(rows, cols, generator=gen)

    def step():
        x.grad = None
        bn.weight.grad = None
        bn.bias.grad = None
        out = bn(x)
        out.backward(d_out)

    return step


def bn_aten_workload(rows, cols):
    """The same computation through the ATen kernels directly (no autograd graph): PyTorch's floor."""
    gen = torch.Generator().manual_seed(SEED)
    weight = 1.0 + 0.1 * torch.randn(cols, generator=gen)
    bias = 0.1 * torch.randn(cols, generator=gen)
    running_mean, running_var = torch.zeros(cols), torch.ones(cols)
    x = 3.0 + 2.0 * torch.randn(rows, cols, generator=gen)
    d_out = torch.randn(rows, cols, generator=gen)
    fwd, bwd = torch.ops.aten.native_batch_norm, torch.ops.aten.native_batch_norm_backward

    def step():
        with torch.no_grad():
            out, save_mean, save_invstd = fwd(x, weight, bias, running_mean, running_var, True, 0.1, 1e-5)
            bwd(d_out, x, weight, running_mean, running_var, save_mean, save_invstd, True, 1e-5, [True, True, True])

    return step


def mlp_epoch_workload(data, with_bn):
    x_train, y_train, _, _ = data
    model = make_mlp(with_bn, SEED)
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    gen = torch.Generator().manual_seed(SEED)
    history = []

    def epoch():
        history.clear()
        train_epoch(model, opt, x_train, y_train, gen, history)

    return epoch, history


def lr_sweep_workload(data):
    x_train, y_train, x_test, y_test = data
    results = {}

    def sweep():
        for with_bn in (False, True):
            for lr in SWEEP_LRS:
                model = make_mlp(with_bn, SEED)
                opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=MOMENTUM)
                gen = torch.Generator().manual_seed(SEED)
                history, acc = [], []
                for _ in range(SWEEP_EPOCHS):
                    train_epoch(model, opt, x_train, y_train, gen, history)
                    acc.append(evaluate(model, x_test, y_test))
                results[(with_bn, lr)] = (history[-1][0], acc[-1])

    return sweep, results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(REPO, "artifacts", "benchmarks", "pytorch.json"))
    ap.add_argument("--data", default=os.path.join(REPO, "data", "digits.csv"))
    ap.add_argument("--quick", action="store_true", help="few repetitions (smoke test)")
    ap.add_argument("--only", nargs="*", help="run only these workloads")
    args = ap.parse_args()

    scale = 0.1 if args.quick else 1.0
    x, y = load_digits(args.data)
    data = split_and_standardize(x, y)
    print(f"digits: {x.shape[0]} rows x {x.shape[1]} features; train {data[0].shape[0]}, test {data[2].shape[0]}",
          file=sys.stderr)

    sweep_fn, sweep_results = lr_sweep_workload(data)
    epoch_nobn, hist_nobn = mlp_epoch_workload(data, False)
    epoch_bn, hist_bn = mlp_epoch_workload(data, True)
    # name -> (callable, min repetitions, min seconds, warm-up)
    workloads = {
        "bn_fwd_bwd_256x512": (bn_workload(256, 512), 200, 3.0, 20),
        "bn_fwd_bwd_1024x1024": (bn_workload(1024, 1024), 60, 4.0, 5),
        "bn_fwd_bwd_256x512_aten": (bn_aten_workload(256, 512), 200, 3.0, 20),
        "bn_fwd_bwd_1024x1024_aten": (bn_aten_workload(1024, 1024), 60, 4.0, 5),
        "mlp_epoch_nobn": (epoch_nobn, 60, 4.0, 5),
        "mlp_epoch_bn": (epoch_bn, 60, 4.0, 5),
        "lr_sweep": (sweep_fn, 5, 6.0, 1),
    }
    results = {}
    for name, (fn, reps, secs, warm) in workloads.items():
        if args.only and name not in args.only:
            continue
        r = measure(fn, max(3, int(reps * scale)), secs * scale, max(1, int(warm * scale)))
        results[name] = r
        print(f"{name:28s} median {r['median_ns'] / 1e6:10.3f} ms  "
              f"IQR [{r['p25_ns'] / 1e6:.3f}, {r['p75_ns'] / 1e6:.3f}]  MAD {r['mad_ns'] / 1e6:.3f}  n={r['n']}",
              file=sys.stderr)

    sanity = {}
    if hist_nobn:
        sanity["mlp_epoch_nobn_last_loss"] = hist_nobn[-1][0]
    if hist_bn:
        sanity["mlp_epoch_bn_last_loss"] = hist_bn[-1][0]
    if sweep_results:
        sanity["lr_sweep_final_test_accuracy"] = {
            f"{'bn' if bn else 'nobn'}@{lr}": acc for (bn, lr), (_, acc) in sweep_results.items()}
    for key, value in sanity.items():
        if isinstance(value, float) and not math.isfinite(value):
            print(f"warning: {key} = {value} (training diverged)", file=sys.stderr)

    out = {
        "framework": "pytorch",
        "torch_version": torch.__version__,
        "python": platform.python_version(),
        "threads": torch.get_num_threads(),
        "dtype": "float64",
        "machine": platform.processor() or platform.machine(),
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "config": {"batch": BATCH, "lr": LR, "momentum": MOMENTUM, "sweep_lrs": SWEEP_LRS,
                   "sweep_epochs": SWEEP_EPOCHS, "train_rows": int(data[0].shape[0])},
        "environment": {
            "peer": f"PyTorch {torch.__version__}, threads {torch.get_num_threads()}, BLAS "
                    + ("MKL" if torch.backends.mkl.is_available() else
                       (re.search(r"BLAS_INFO=([^,]+)", torch.__config__.show()) or [None, "unknown"])[1]),
            "load average (1, 5, 15 min) at the end of the PyTorch run": " ".join(open("/proc/loadavg").read().split()[:3])
            if os.path.exists("/proc/loadavg") else "unknown",
        },
        "results": results,
        "sanity": sanity,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
