"""Reference vectors for NormDecay's Conv2d, MaxPool2d, BatchNorm2d and GroupNorm, from PyTorch (float64, autograd).

Run with Debian's python (torch 1.13):  /usr/bin/python3 generate.py
Writes conv.json beside this script. Every image batch is stored flattened as (N, C*H*W) rows (PyTorch's x.flatten(1)),
the layout NormDecay uses; conv weights as weight.flatten() of shape (O, C, K, K).
"""
import json
import os

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def flat(t):
    t = t.detach()
    return t.reshape(t.shape[0], -1).tolist() if t.dim() > 1 else t.tolist()


def conv_case(name, n, c, h, w, o, k, stride, padding):
    conv = torch.nn.Conv2d(c, o, k, stride=stride, padding=padding)
    with torch.no_grad():
        conv.weight.copy_(torch.randn_like(conv.weight) * 0.5)
        conv.bias.copy_(torch.randn_like(conv.bias))
    x = torch.randn(n, c, h, w, requires_grad=True)
    y = conv(x)
    dout = torch.randn_like(y)
    (y * dout).sum().backward()
    return {"name": name, "source": f"torch {torch.__version__} nn.Conv2d({c}, {o}, {k}, stride={stride}, padding={padding})",
            "shape": [c, h, w], "outChannels": o, "kernel": k, "stride": stride, "padding": padding,
            "weight": conv.weight.detach().flatten().tolist(), "bias": conv.bias.detach().tolist(),
            "x": flat(x), "y": flat(y), "outShape": list(y.shape[1:]), "dOut": flat(dout), "dX": flat(x.grad),
            "dW": conv.weight.grad.flatten().tolist(), "dB": conv.bias.grad.tolist()}


def pool_case():
    pool = torch.nn.MaxPool2d(2)
    x = torch.randn(3, 2, 4, 5, requires_grad=True)   # odd width: floor mode drops the last column
    y = pool(x)
    dout = torch.randn_like(y)
    (y * dout).sum().backward()
    return {"name": "maxpool", "source": f"torch {torch.__version__} nn.MaxPool2d(2)", "shape": [2, 4, 5], "kernel": 2,
            "x": flat(x), "y": flat(y), "dOut": flat(dout), "dX": flat(x.grad)}


def bn2d_case():
    c, h, w = 3, 3, 2
    bn = torch.nn.BatchNorm2d(c, eps=1e-5, momentum=0.1)
    with torch.no_grad():
        bn.weight.copy_(torch.rand(c) + 0.5)
        bn.bias.copy_(torch.rand(c) - 0.5)
    batches = []
    bn.train()
    for n in [4, 2, 5]:
        x = (2.0 + 3.0 * torch.randn(n, c, h, w)).requires_grad_(True)
        y = bn(x)
        dout = torch.randn_like(y)
        bn.weight.grad = None
        bn.bias.grad = None
        (y * dout).sum().backward()
        batches.append({"x": flat(x), "y": flat(y), "dOut": flat(dout), "dX": flat(x.grad),
                        "dGamma": bn.weight.grad.tolist(), "dBeta": bn.bias.grad.tolist(),
                        "runningMean": bn.running_mean.tolist(), "runningVar": bn.running_var.tolist(),
                        "numBatchesTracked": int(bn.num_batches_tracked)})
    bn.eval()
    x_eval = 2.0 + torch.randn(3, c, h, w)
    return {"name": "batchnorm2d", "source": f"torch {torch.__version__} nn.BatchNorm2d({c}, eps=1e-5, momentum=0.1)",
            "shape": [c, h, w], "gamma": bn.weight.detach().tolist(), "beta": bn.bias.detach().tolist(),
            "batches": batches, "evalX": flat(x_eval), "evalY": flat(bn(x_eval))}


def gn_case(name, groups, n, c, h, w):
    gn = torch.nn.GroupNorm(groups, c, eps=1e-5)
    with torch.no_grad():
        gn.weight.copy_(torch.rand(c) + 0.5)
        gn.bias.copy_(torch.rand(c) - 0.5)
    x = (1.0 + 2.0 * torch.randn(n, c, h, w)).requires_grad_(True)
    y = gn(x)
    dout = torch.randn_like(y)
    (y * dout).sum().backward()
    return {"name": name, "source": f"torch {torch.__version__} nn.GroupNorm({groups}, {c}, eps=1e-5)", "groups": groups,
            "shape": [c, h, w], "gamma": gn.weight.detach().tolist(), "beta": gn.bias.detach().tolist(),
            "x": flat(x), "y": flat(y), "dOut": flat(dout), "dX": flat(x.grad),
            "dGamma": gn.weight.grad.tolist(), "dBeta": gn.bias.grad.tolist()}


cases = [
    conv_case("conv_pad1", 3, 2, 5, 5, 3, 3, 1, 1),
    conv_case("conv_stride2", 2, 2, 6, 5, 4, 3, 2, 0),
    conv_case("conv_1channel_8x8", 4, 1, 8, 8, 2, 3, 1, 1),
    pool_case(),
    bn2d_case(),
    gn_case("groupnorm_g2", 2, 3, 6, 2, 2),
    gn_case("groupnorm_g1", 1, 3, 4, 3, 3),
    gn_case("groupnorm_instance", 4, 2, 4, 2, 3),
    gn_case("groupnorm_dense", 2, 5, 6, 1, 1),
]
out = {"generator": "tests/NormDecay.Tests/Reference/conv/generate.py", "torch": torch.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "conv.json"), "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(cases)} cases")
