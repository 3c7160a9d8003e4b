"""Reference learning-rate sequences for tests/NormDecay.Tests/Schedules.

Run with Debian's python (torch 1.13):  /usr/bin/python3 generate.py   (writes schedules.json next to this file)

* PyTorch values: torch.optim.lr_scheduler driven on one dummy parameter; lr[t] is get_last_lr()[0] after t calls of
  scheduler.step() (lr[0] is the rate before the first step), optimizer.step() called first as PyTorch recommends.
  OneCycleLR and CyclicLR also record the optimizer's momentum. ReduceLROnPlateau is fed a fixed metric sequence;
  lr[k] is the rate after the k-th metric.
* Keras values: Keras is not installed, so its schedules are computed here in float64 from the formulas transcribed
  from keras-team/keras, keras/src/optimizers/schedules/learning_rate_schedule.py (ExponentialDecay,
  InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, CosineDecayRestarts) and
  keras/src/callbacks/reduce_lr_on_plateau.py (on_epoch_end), including Keras's log-based restart index.
* Ng values: deeplearning.ai "Improving Deep Neural Networks" week 2 (lecture forms and the assignment's
  update_lr / schedule_lr_decay), computed directly.
"""
import json
import math
import os
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
LR = 0.1


def opt(lr=LR, momentum=0.9):
    p = torch.nn.Parameter(torch.zeros(1))
    return SGD([p], lr=lr, momentum=momentum)


def run(make, n, lr=LR, momentum=False):
    o = opt(lr)
    s = make(o)
    lrs = [s.get_last_lr()[0]]
    moms = [o.param_groups[0]["momentum"]]
    for _ in range(n - 1):
        o.step()
        s.step()
        lrs.append(s.get_last_lr()[0])
        moms.append(o.param_groups[0]["momentum"])
    return (lrs, moms) if momentum else (lrs, None)


cases = []


def torch_case(kind, params, make, n, lr=LR, momentum=False):
    lrs, moms = run(make, n, lr, momentum)
    case = {"id": f"{kind}/{sum(c['kind'] == kind for c in cases)}", "source": "pytorch", "kind": kind,
            "params": dict(params, initial_rate=lr), "lr": lrs}
    if moms is not None:
        case["momentum"] = moms
    cases.append(case)


def formula_case(source, kind, params, f, n):
    cases.append({"id": f"{kind}/{sum(c['kind'] == kind for c in cases)}", "source": source, "kind": kind,
                  "params": params, "lr": [f(t) for t in range(n)]})


# ---------------- PyTorch ----------------
for step_size, gamma in [(3, 0.1), (7, 0.5), (1, 0.9)]:
    torch_case("StepLR", {"step_size": step_size, "gamma": gamma},
               lambda o, a=step_size, g=gamma: S.StepLR(o, a, gamma=g), 30)
for ms, gamma in [([2, 5, 9], 0.1), ([0, 10, 10, 20], 0.5), ([15], 0.3)]:
    torch_case("MultiStepLR", {"milestones": ms, "gamma": gamma},
               lambda o, m=ms, g=gamma: S.MultiStepLR(o, m, gamma=g), 30)
for factor, total in [(1.0 / 3, 5), (0.5, 1), (0.1, 12)]:
    torch_case("ConstantLR", {"factor": factor, "total_iters": total},
               lambda o, f=factor, t=total: S.ConstantLR(o, factor=f, total_iters=t), 20)
for sf, ef, total in [(1.0 / 3, 1.0, 5), (0.25, 0.6, 4), (1.0, 0.1, 10)]:
    torch_case("LinearLR", {"start_factor": sf, "end_factor": ef, "total_iters": total},
               lambda o, a=sf, b=ef, t=total: S.LinearLR(o, start_factor=a, end_factor=b, total_iters=t), 20)
for gamma in [0.9, 0.5, 1.02]:
    torch_case("ExponentialLR", {"gamma": gamma}, lambda o, g=gamma: S.ExponentialLR(o, g), 30)
for total, power in [(5, 1.0), (10, 2.0), (8, 0.5)]:
    torch_case("PolynomialLR", {"total_iters": total, "power": power},
               lambda o, t=total, p=power: S.PolynomialLR(o, total_iters=t, power=p), 20)
for tmax, eta_min in [(10, 0.0), (7, 0.001), (1, 0.01), (25, 0.05)]:
    torch_case("CosineAnnealingLR", {"t_max": tmax, "eta_min": eta_min},
               lambda o, t=tmax, e=eta_min: S.CosineAnnealingLR(o, T_max=t, eta_min=e), max(4 * 2 * tmax + 3, 30))
for t0, tmult, eta_min in [(10, 1, 0.0), (3, 2, 0.001), (2, 3, 0.01), (5, 1, 0.02)]:
    torch_case("CosineAnnealingWarmRestarts", {"t0": t0, "t_mult": tmult, "eta_min": eta_min},
               lambda o, a=t0, b=tmult, e=eta_min: S.CosineAnnealingWarmRestarts(o, T_0=a, T_mult=b, eta_min=e), 80)
cyclic = [
    (0.001, 0.1, 5, None, "triangular", 1.0, 0.8, 0.9),
    (0.001, 0.1, 4, 6, "triangular2", 1.0, 0.8, 0.9),
    (0.01, 0.2, 3, 2, "exp_range", 0.97, 0.85, 0.95),
    (0.0, 1.0, 1, 1, "triangular", 1.0, 0.8, 0.9),
    (0.002, 0.05, 7, 3, "triangular2", 1.0, 0.7, 0.99),
]
for base, mx, up, down, mode, gamma, bm, mm in cyclic:
    torch_case("CyclicLR", {"base_lr": base, "max_lr": mx, "step_size_up": up, "step_size_down": down, "mode": mode,
                            "gamma": gamma, "base_momentum": bm, "max_momentum": mm},
               lambda o, a=base, b=mx, u=up, d=down, m=mode, g=gamma, x=bm, y=mm: S.CyclicLR(
                   o, a, b, step_size_up=u, step_size_down=d, mode=m, gamma=g, base_momentum=x, max_momentum=y),
               4 * (up + (down or up)) + 3, momentum=True)
onecycle = [
    (0.1, 100, 0.3, "cos", False, 25.0, 1e4, 0.85, 0.95),
    (0.1, 100, 0.3, "linear", False, 25.0, 1e4, 0.85, 0.95),
    (0.5, 60, 0.25, "cos", True, 10.0, 100.0, 0.8, 0.9),
    (0.2, 37, 0.2, "linear", True, 25.0, 1e4, 0.85, 0.95),
    (1.0, 10, 0.5, "cos", False, 4.0, 10.0, 0.9, 0.99),
]
for mx, total, pct, anneal, three, div, final, bm, mm in onecycle:
    torch_case("OneCycleLR", {"max_lr": mx, "total_steps": total, "pct_start": pct, "anneal_strategy": anneal,
                              "three_phase": three, "div_factor": div, "final_div_factor": final,
                              "base_momentum": bm, "max_momentum": mm},
               lambda o, a=mx, t=total, p=pct, s=anneal, th=three, d=div, f=final, x=bm, y=mm: S.OneCycleLR(
                   o, max_lr=a, total_steps=t, pct_start=p, anneal_strategy=s, three_phase=th, div_factor=d,
                   final_div_factor=f, base_momentum=x, max_momentum=y),
               total, momentum=True)
# LambdaLR / MultiplicativeLR: the lambdas are named so C# can rebuild them.
LAMBDAS = {"inv": lambda e: 1.0 / (1.0 + 0.5 * e), "pow95": lambda e: 0.95 ** e, "step10": lambda e: 0.5 ** (e // 10)}
for name, f in LAMBDAS.items():
    torch_case("LambdaLR", {"lambda": name}, lambda o, g=f: S.LambdaLR(o, g), 30)
MULTS = {"const95": lambda e: 0.95, "alt": lambda e: 0.9 if e % 2 else 1.0, "inv": lambda e: 1.0 / (1.0 + 0.01 * e)}
for name, f in MULTS.items():
    torch_case("MultiplicativeLR", {"lambda": name}, lambda o, g=f: S.MultiplicativeLR(o, g), 30)
# SequentialLR: children share the optimizer's rate.
torch_case("SequentialLR", {"children": [{"kind": "ConstantLR", "factor": 0.1, "total_iters": 2},
                                         {"kind": "ExponentialLR", "gamma": 0.9}], "milestones": [2]},
           lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)], [2]), 15)
torch_case("SequentialLR", {"children": [{"kind": "LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 5},
                                         {"kind": "CosineAnnealingLR", "t_max": 10, "eta_min": 0.001}], "milestones": [5]},
           lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=5),
                                        S.CosineAnnealingLR(o, T_max=10, eta_min=0.001)], [5]), 40)
torch_case("SequentialLR", {"children": [{"kind": "ConstantLR", "factor": 0.5, "total_iters": 3},
                                         {"kind": "StepLR", "step_size": 4, "gamma": 0.5},
                                         {"kind": "ExponentialLR", "gamma": 0.8}], "milestones": [3, 15]},
           lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.5, total_iters=3), S.StepLR(o, 4, gamma=0.5),
                                        S.ExponentialLR(o, gamma=0.8)], [3, 15]), 30)

# Warmup (NormDecay's combinator): Shift mode is PyTorch's SequentialLR([LinearLR(start_factor=s, total_iters=w), inner],
# milestones=[w]); Overlay mode is ChainedScheduler([LinearLR(start_factor=s, total_iters=w), inner]), which multiplies
# the factors only for inner schedulers whose recursive form is a pure multiplier (ExponentialLR, StepLR), hence those.
WARM_INNER = {
    "CosineAnnealingLR": (lambda o, p: S.CosineAnnealingLR(o, T_max=p["t_max"], eta_min=p["eta_min"]), {"t_max": 20, "eta_min": 0.001}),
    "StepLR": (lambda o, p: S.StepLR(o, p["step_size"], gamma=p["gamma"]), {"step_size": 4, "gamma": 0.5}),
    "ExponentialLR": (lambda o, p: S.ExponentialLR(o, gamma=p["gamma"]), {"gamma": 0.9}),
}
for mode, inner, sf, w in [("shift", "CosineAnnealingLR", 0.1, 5), ("shift", "StepLR", 0.25, 3), ("shift", "ExponentialLR", 1.0 / 3, 8),
                           ("overlay", "ExponentialLR", 0.1, 5), ("overlay", "StepLR", 0.5, 6)]:
    make_inner, inner_params = WARM_INNER[inner]
    def make(o, mode=mode, make_inner=make_inner, inner_params=inner_params, sf=sf, w=w):
        ramp = S.LinearLR(o, start_factor=sf, end_factor=1.0, total_iters=w)
        if mode == "shift":
            return S.SequentialLR(o, [ramp, make_inner(o, inner_params)], [w])
        return S.ChainedScheduler([ramp, make_inner(o, inner_params)])
    torch_case("Warmup", {"mode": mode, "warmup_steps": w, "start_factor": sf, "inner": dict(inner_params, kind=inner)}, make, 40)

# ---------------- Keras (float64 transcription) ----------------
def k_exponential(lr0, ds, rate, stair):
    def f(t):
        p = t / ds
        if stair:
            p = math.floor(p)
        return lr0 * rate ** p
    return f


def k_inverse(lr0, ds, rate, stair):
    def f(t):
        p = t / ds
        if stair:
            p = math.floor(p)
        return lr0 / (1 + rate * p)
    return f


def k_piecewise(boundaries, values):
    def f(t):
        r = 0.0
        r += (t <= boundaries[0]) * values[0]
        r += (t > boundaries[-1]) * values[-1]
        for low, high, v in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            r += ((t > low) and (t <= high)) * v
        return float(r)
    return f


def k_polynomial(lr0, ds, end, power, cycle):
    def f(t):
        g, d = float(t), float(ds)
        if cycle:
            mult = 1.0 if g == 0 else math.ceil(g / ds)
            d = d * mult
        else:
            g = min(g, d)
        p = g / d
        return (lr0 - end) * (1 - p) ** power + end
    return f


def k_cosine(lr0, ds, alpha, target, ws):
    def decay(step, from_lr):
        c = 0.5 * (1.0 + math.cos(math.pi * (step / ds)))
        return from_lr * ((1 - alpha) * c + alpha)

    def f(t):
        g = float(t)
        if target is None:
            return decay(min(g, ds), lr0)
        g = min(g, ds + ws)
        if g < ws:
            return (target - lr0) * (g / ws) + lr0
        return decay(g - ws, target)
    return f


def k_restarts(lr0, first, t_mul, m_mul, alpha):
    def f(t):
        cf = t / first
        if t_mul == 1.0:
            i = math.floor(cf)
            cf -= i
        else:
            i = math.floor(math.log(1.0 - cf * (1.0 - t_mul)) / math.log(t_mul))
            sum_r = (1.0 - t_mul ** i) / (1.0 - t_mul)
            cf = (cf - sum_r) / t_mul ** i
        c = 0.5 * m_mul ** i * (1.0 + math.cos(math.pi * cf))
        return lr0 * ((1 - alpha) * c + alpha)
    return f


for ds, rate, stair in [(10, 0.5, False), (10, 0.5, True), (3, 0.96, True), (7, 0.9, False)]:
    formula_case("keras", "ExponentialDecay", {"initial_rate": LR, "decay_steps": ds, "decay_rate": rate, "staircase": stair},
                 k_exponential(LR, ds, rate, stair), 50)
for ds, rate, stair in [(1, 0.5, False), (5, 0.5, True), (10, 2.0, False), (4, 1.0, True)]:
    formula_case("keras", "InverseTimeDecay", {"initial_rate": LR, "decay_steps": ds, "decay_rate": rate, "staircase": stair},
                 k_inverse(LR, ds, rate, stair), 50)
for b, v in [([10, 20], [0.1, 0.05, 0.01]), ([0, 5, 6, 30], [1.0, 0.5, 0.25, 0.125, 0.0625]), ([15], [0.3, 0.03])]:
    formula_case("keras", "PiecewiseConstantDecay", {"boundaries": b, "values": v}, k_piecewise(b, v), 40)
for ds, end, power, cycle in [(10, 1e-4, 1.0, False), (10, 0.001, 2.0, True), (7, 0.0, 0.5, True), (20, 0.01, 3.0, False)]:
    formula_case("keras", "PolynomialDecay", {"initial_rate": LR, "decay_steps": ds, "end_rate": end, "power": power,
                                              "cycle": cycle}, k_polynomial(LR, ds, end, power, cycle), 50)
for lr0, ds, alpha, target, ws in [(LR, 20, 0.0, None, 0), (LR, 15, 0.1, None, 0), (0.0, 20, 0.0, 0.1, 5),
                                  (0.01, 30, 0.05, 0.2, 10)]:
    formula_case("keras", "CosineDecay", {"initial_rate": lr0, "decay_steps": ds, "alpha": alpha, "warmup_target": target,
                                          "warmup_steps": ws}, k_cosine(lr0, ds, alpha, target, ws), 60)
for first, t_mul, m_mul, alpha in [(10, 2.0, 1.0, 0.0), (5, 1.0, 0.5, 0.1), (4, 1.5, 0.9, 0.01), (3, 3.0, 0.8, 0.0)]:
    formula_case("keras", "CosineDecayRestarts", {"initial_rate": LR, "first_decay_steps": first, "t_mul": t_mul,
                                                  "m_mul": m_mul, "alpha": alpha},
                 k_restarts(LR, first, t_mul, m_mul, alpha), 120)

# ---------------- Ng (deeplearning.ai, course 2 week 2) ----------------
formula_case("ng", "NgInverseTimeDecay", {"initial_rate": 0.2, "decay_rate": 1.0}, lambda t: 0.2 / (1 + 1.0 * t), 20)
formula_case("ng", "NgInverseTimeDecay", {"initial_rate": LR, "decay_rate": 0.3}, lambda t: LR / (1 + 0.3 * t), 20)
formula_case("ng", "NgExponentialDecay", {"initial_rate": LR, "decay_base": 0.95}, lambda t: 0.95 ** t * LR, 40)
formula_case("ng", "NgSqrtDecay", {"initial_rate": LR, "k": 0.5}, lambda t: 0.5 / math.sqrt(t + 1) * LR, 40)
formula_case("ng", "NgStaircaseDecay", {"initial_rate": LR, "interval": 5, "factor": 0.5}, lambda t: LR * 0.5 ** (t // 5), 40)
formula_case("ng", "NgFixedIntervalDecay", {"initial_rate": LR, "decay_rate": 1.0, "time_interval": 10},
             lambda t: LR / (1 + 1.0 * math.floor(t / 10)), 50)
formula_case("ng", "NgFixedIntervalDecay", {"initial_rate": 0.5, "decay_rate": 0.3, "time_interval": 4},
             lambda t: 0.5 / (1 + 0.3 * math.floor(t / 4)), 30)

# ---------------- ReduceLROnPlateau ----------------
METRICS = {
    "plateau": [1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.79995, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7,
                0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69],
    "noisy": [2.0, 1.5, 1.6, 1.4, 1.45, 1.41, 1.42, 1.43, 1.39, 1.40, 1.40, 1.40, 1.40, 1.40, 1.40, 1.38, 1.38, 1.38, 1.38,
              1.38, 1.38, 1.38, 1.38, 1.38, 1.38],
    "accuracy": [0.5, 0.6, 0.65, 0.66, 0.66, 0.66, 0.661, 0.66, 0.66, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7],
}
plateau = []
torch_plateau = [
    ("plateau", dict(mode="min", factor=0.1, patience=2, threshold=1e-4, threshold_mode="rel", cooldown=0, min_lr=0.0, eps=1e-8)),
    ("plateau", dict(mode="min", factor=0.5, patience=1, threshold=0.01, threshold_mode="abs", cooldown=2, min_lr=0.01, eps=1e-8)),
    ("noisy", dict(mode="min", factor=0.5, patience=3, threshold=0.01, threshold_mode="rel", cooldown=1, min_lr=0.0, eps=1e-8)),
    ("accuracy", dict(mode="max", factor=0.2, patience=2, threshold=1e-3, threshold_mode="rel", cooldown=0, min_lr=0.001, eps=1e-8)),
    ("accuracy", dict(mode="max", factor=0.5, patience=0, threshold=0.0, threshold_mode="abs", cooldown=0, min_lr=0.0, eps=0.02)),
]
for metrics, kw in torch_plateau:
    o = opt()
    s = S.ReduceLROnPlateau(o, **kw)
    lrs = []
    for m in METRICS[metrics]:
        o.step()
        s.step(m)
        lrs.append(o.param_groups[0]["lr"])
    plateau.append({"id": f"pytorch/{len(plateau)}", "convention": "pytorch", "params": dict(kw, initial_rate=LR),
                    "metrics": METRICS[metrics], "lr": lrs})


def keras_plateau(metrics, mode, factor, patience, min_delta, cooldown, min_lr):
    """keras/src/callbacks/reduce_lr_on_plateau.py, on_epoch_end (min_lr compared in float64 here)."""
    better = (lambda a, b: a < b - min_delta) if mode == "min" else (lambda a, b: a > b + min_delta)
    best = math.inf if mode == "min" else -math.inf
    lr, wait, cool, out = LR, 0, 0, []
    for current in metrics:
        if cool > 0:
            cool -= 1
            wait = 0
        if better(current, best):
            best = current
            wait = 0
        elif not cool > 0:
            wait += 1
            if wait >= patience:
                if lr > min_lr:
                    lr = max(lr * factor, min_lr)
                    cool = cooldown
                    wait = 0
        out.append(lr)
    return out


for metrics, kw in [("plateau", dict(mode="min", factor=0.1, patience=2, min_delta=1e-4, cooldown=0, min_lr=0.0)),
                    ("noisy", dict(mode="min", factor=0.5, patience=3, min_delta=0.01, cooldown=1, min_lr=0.0)),
                    ("plateau", dict(mode="min", factor=0.5, patience=1, min_delta=0.01, cooldown=2, min_lr=0.01)),
                    ("accuracy", dict(mode="max", factor=0.2, patience=2, min_delta=1e-3, cooldown=0, min_lr=0.001))]:
    plateau.append({"id": f"keras/{len(plateau)}", "convention": "keras", "params": dict(kw, initial_rate=LR),
                    "metrics": METRICS[metrics], "lr": keras_plateau(METRICS[metrics], **kw)})

out = {"generator": "tests/NormDecay.Tests/Reference/schedules/generate.py", "torch_version": torch.__version__,
       "cases": cases, "plateau": plateau}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedules.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print(f"wrote {len(cases)} schedule cases and {len(plateau)} plateau cases to {path}")
