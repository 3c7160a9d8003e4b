"""Reference vectors for NormDecay's Adam optimizer, from PyTorch's torch.optim.Adam (float64).

Run with Debian's python (torch 1.13):  /usr/bin/python3 generate.py
Writes adam.json beside this script. Each case starts from a random parameter vector and applies given gradients
(p.grad set by hand), so the C# test can replay the same gradients without autograd.
"""
import json
import os

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def adam_case(name, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, step_size=None, gamma=0.5, steps=8):
    p = torch.randn(5, requires_grad=True)
    initial = p.detach().clone().tolist()
    opt = torch.optim.Adam([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=step_size, gamma=gamma) if step_size else None
    grads, values, rates = [], [], []
    for _ in range(steps):
        g = torch.randn(5) * 3.0
        p.grad = g.clone()
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if sched:
            sched.step()
        grads.append(g.tolist())
        values.append(p.detach().tolist())
    return {"name": name, "source": f"torch {torch.__version__} optim.Adam(lr={lr}, betas={betas}, eps={eps}, weight_decay={weight_decay})"
            + (f" + StepLR(step_size={step_size}, gamma={gamma}) stepped after every update" if step_size else ""),
            "lr": lr, "beta1": betas[0], "beta2": betas[1], "eps": eps, "weightDecay": weight_decay,
            "stepSize": step_size, "gamma": gamma, "initial": initial, "grads": grads, "values": values, "rates": rates}


cases = [
    adam_case("adam"),
    adam_case("adam_wd_betas", lr=5e-2, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
    adam_case("adam_steplr", lr=1e-1, step_size=3, gamma=0.5),
]
out = {"generator": "tests/NormDecay.Tests/Reference/adam/generate.py", "torch": torch.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adam.json"), "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(cases)} cases")
