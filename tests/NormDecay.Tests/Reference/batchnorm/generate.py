"""Reference vectors for NormDecay's BatchNorm, from PyTorch's nn.BatchNorm1d (float64, autograd).

Run with Debian's python (torch 1.13):  /usr/bin/python3 generate.py
Writes batchnorm.json beside this script. The Keras case is computed here with numpy from Keras 3's documented
BatchNormalization formulas (moving = moving * momentum + batch * (1 - momentum), biased variance, eps 1e-3),
because Keras is not installed; every PyTorch case goes through torch itself.
"""
import json
import os

import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
F = 4
SIZES = [8, 5, 8]  # batch sizes of the three training batches (different N exercises the N-1 correction)


def rows(t):
    return t.detach().numpy().tolist() if torch.is_tensor(t) else np.asarray(t).tolist()


def make_batches():
    return [3.0 + 2.0 * rng.standard_normal((n, F)) * np.array([1.0, 0.5, 3.0, 0.1]) for n in SIZES]


def torch_case(name, affine=True, momentum=0.1, track=True):
    bn = torch.nn.BatchNorm1d(F, eps=1e-5, momentum=momentum, affine=affine, track_running_stats=track).double()
    gamma = beta = None
    if affine:
        with torch.no_grad():
            bn.weight.copy_(torch.tensor(rng.uniform(0.5, 1.5, F)))
            bn.bias.copy_(torch.tensor(rng.uniform(-0.5, 0.5, F)))
        gamma, beta = rows(bn.weight), rows(bn.bias)
    batches = []
    bn.train()
    for x_np in make_batches():
        x = torch.tensor(x_np, requires_grad=True)
        y = bn(x)
        dout = torch.tensor(rng.standard_normal(x_np.shape))
        if affine:
            bn.weight.grad = None
            bn.bias.grad = None
        (y * dout).sum().backward()
        batches.append({
            "x": rows(x), "y": rows(y), "dOut": rows(dout), "dX": rows(x.grad),
            "dGamma": rows(bn.weight.grad) if affine else None,
            "dBeta": rows(bn.bias.grad) if affine else None,
            "runningMean": rows(bn.running_mean) if track else None,
            "runningVar": rows(bn.running_var) if track else None,
            "numBatchesTracked": int(bn.num_batches_tracked) if track else None,
        })
    bn.eval()
    x_eval = torch.tensor(3.0 + rng.standard_normal((6, F)))
    y_eval = bn(x_eval)
    return {
        "name": name, "source": f"torch {torch.__version__} nn.BatchNorm1d({F}, eps=1e-5, momentum={momentum}, affine={affine}, track_running_stats={track})",
        "eps": 1e-5, "affine": affine, "gamma": gamma, "beta": beta,
        "batches": batches, "evalX": rows(x_eval), "evalY": rows(y_eval),
    }


def keras_case():
    eps, m = 1e-3, 0.99
    gamma, beta = rng.uniform(0.5, 1.5, F), rng.uniform(-0.5, 0.5, F)
    moving_mean, moving_var = np.zeros(F), np.ones(F)
    batches = []
    for x in make_batches():
        mean, var = x.mean(axis=0), x.var(axis=0)  # biased, as keras.ops.moments
        y = gamma * (x - mean) / np.sqrt(var + eps) + beta
        moving_mean = moving_mean * m + mean * (1 - m)
        moving_var = moving_var * m + var * (1 - m)
        batches.append({"x": rows(x), "y": rows(y), "runningMean": rows(moving_mean), "runningVar": rows(moving_var),
                        "numBatchesTracked": len(batches) + 1})
    x_eval = 3.0 + rng.standard_normal((6, F))
    y_eval = gamma * (x_eval - moving_mean) / np.sqrt(moving_var + eps) + beta
    return {"name": "keras", "source": "Keras 3 BatchNormalization formulas (momentum 0.99, epsilon 1e-3, biased variance), numpy",
            "eps": eps, "affine": True, "gamma": rows(gamma), "beta": rows(beta),
            "batches": batches, "evalX": rows(x_eval), "evalY": rows(y_eval)}


cases = [
    torch_case("pytorch"),
    torch_case("cumulative", momentum=None),
    torch_case("noRunningStats", track=False),
    torch_case("affineFalse", affine=False),
    keras_case(),
]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "batchnorm.json")
with open(out, "w") as f:
    json.dump({"generator": "tests/NormDecay.Tests/Reference/batchnorm/generate.py", "torch": torch.__version__, "cases": cases}, f, indent=1)
print("wrote", out)
