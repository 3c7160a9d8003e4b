using System.Globalization;
using System.Text;

namespace NormDecay.Benchmarks;

/// <summary>
/// The table run.sh prints (issue 14): workload | NormDecay | TorchSharp | PyTorch 1.13 | ratios | limit | NormDecay/limit,
/// from one run. NormDecay, TorchSharp and the limits come from the BenchmarkDotNet results (one process, ids
/// <c>X</c>, <c>torchsharp:X</c>, <c>limit:*</c>); PyTorch 1.13 from bench.py's JSON.
/// </summary>
/// <remarks>
/// Limits: a BN workload moves at least 5 matrices of rows × cols doubles (read x, write y; read dy, read x, write dx),
/// so its floor is those bytes at the triad bandwidth measured over arrays of the same size (<c>limit:triad_RxC</c>).
/// An MLP workload does at least the flops of its matrix products (<see cref="MlpEpochFlops"/>), so its floor is those
/// flops at the larger of the two FMA-loop rates (<c>limit:fma256</c>, <c>limit:fma512</c>).
/// </remarks>
public static class Comparison
{
    /// <summary>Workloads in table order; goal = the largest acceptable NormDecay/TorchSharp ratio (null: no goal).</summary>
    public static readonly (string Id, string Title, double? Goal, string? PyTorchFloorId)[] Rows =
    [
        ("bn_fwd_bwd_256x512", "BN forward+backward 256x512", 0.5, "bn_fwd_bwd_256x512_aten"),
        ("bn_fwd_bwd_1024x1024", "BN forward+backward 1024x1024", 0.5, "bn_fwd_bwd_1024x1024_aten"),
        ("mlp_epoch_nobn", "digits MLP epoch 64-128-128-10, batch 64", 1.0, null),
        ("mlp_epoch_bn", "the same with BN before the activation", 1.0, null),
        ("lr_sweep", "LR sweep (6 lr x 3 epochs x +-BN)", null, null),
        ("train_step_nobn", "train loop step, no BN (per step)", null, null),
        ("train_step_bn", "train loop step, BN (per step)", null, null),
        ("fit_step_nobn", "Trainer.Fit step, no BN (per step)", null, null),
        ("fit_step_bn", "Trainer.Fit step, BN (per step)", null, null),
        ("bn_fwd_bwd_novalidate_256x512", "BN 256x512, ValidateInput off", null, null),
        ("bn_fwd_bwd_novalidate_1024x1024", "BN 1024x1024, ValidateInput off", null, null),
        ("bn_fwd_bwd_span_kernels_256x512", "BN 256x512, SIMD span yardstick", null, null),
        ("bn_fwd_bwd_span_kernels_1024x1024", "BN 1024x1024, SIMD span yardstick", null, null),
        ("bn_fwd_bwd_scalar_loops_256x512", "BN 256x512, scalar loop yardstick", null, null),
        ("bn_fwd_bwd_scalar_loops_1024x1024", "BN 1024x1024, scalar loop yardstick", null, null),
    ];

    /// <summary>Training rows of the digits split (floor(0.8 · 1797)).</summary>
    public const int TrainRows = 1437;

    /// <summary>Test rows of the digits split.</summary>
    public const int TestRows = 360;

    /// <summary>
    /// Flops of the matrix products of one training epoch over <paramref name="rows"/> examples: forward X·W (2·n·in·out per
    /// layer), backward Xᵀ·dY (the same) and dY·Wᵀ for every layer but the first (the input needs no gradient, as in PyTorch).
    /// For 64-128-128-10 and 1437 rows: 2 · 1437 · (2 · 25856 + 17664) = 199.4 MFlop.
    /// </summary>
    public static double MlpEpochFlops(int rows)
    {
        int[] s = Digits.LayerSizes;
        double forward = 0, inputGradients = 0;
        for (int l = 1; l < s.Length; l++)
        {
            forward += (double)s[l - 1] * s[l];
            if (l > 1)
                inputGradients += (double)s[l - 1] * s[l];
        }
        return 2.0 * rows * (2 * forward + inputGradients);
    }

    /// <summary>Flops of a forward pass over <paramref name="rows"/> examples (evaluation).</summary>
    public static double MlpForwardFlops(int rows)
    {
        int[] s = Digits.LayerSizes;
        double forward = 0;
        for (int l = 1; l < s.Length; l++)
            forward += (double)s[l - 1] * s[l];
        return 2.0 * rows * forward;
    }

    /// <summary>The lower bound of a workload on this machine in ns, with how it was derived; null when none applies.</summary>
    public static (double Ns, string How)? Limit(string id, Dictionary<string, WorkloadResult> measured)
    {
        if (id.StartsWith("bn_fwd_bwd_", StringComparison.Ordinal))
        {
            string shape = id[(id.LastIndexOf('_') + 1)..];
            if (!measured.TryGetValue("limit:triad_" + shape, out var triad))
                return null;
            double bandwidth = 24.0 * LimitBenchmarks.TriadLength(shape) / triad.MedianNs; // bytes per ns = GB/s
            double bytes = 5.0 * 8 * LimitBenchmarks.TriadLength(shape);
            return (bytes / bandwidth, $"{bytes / 1e6:0.0} MB at {bandwidth:0.0} GB/s");
        }

        double? flops = id switch
        {
            "mlp_epoch_nobn" or "mlp_epoch_bn" => MlpEpochFlops(TrainRows),
            "lr_sweep" => 2 * LearningRateSweepBenchmarks.LearningRates.Length * LearningRateSweepBenchmarks.Epochs
                          * (MlpEpochFlops(TrainRows) + MlpForwardFlops(TestRows)),
            _ => null,
        };
        if (flops is null || FmaPeak(measured) is not { } peak)
            return null;
        return (flops.Value / peak, $"{flops.Value / 1e6:0.0} MFlop at {peak:0.0} GFlop/s");
    }

    /// <summary>The FMA peak in GFlop/s (flops per ns): the faster of the 256- and 512-bit loops; null when neither ran.</summary>
    public static double? FmaPeak(Dictionary<string, WorkloadResult> measured)
    {
        double? best = null;
        foreach (var (id, lanes) in new[] { ("limit:fma256", 4), ("limit:fma512", 8) })
        {
            if (measured.TryGetValue(id, out var r))
                best = Math.Max(best ?? 0, FmaPeakBenchmarks.Flops(lanes) / r.MedianNs);
        }
        return best;
    }

    /// <summary>The markdown table and, below it, the machine's measured limits.</summary>
    public static string Format(Dictionary<string, WorkloadResult> measured, Dictionary<string, WorkloadResult> pyTorch, IReadOnlyDictionary<string, string>? environment = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| workload | NormDecay | TorchSharp (LibTorch 2.10, MKL) | PyTorch 1.13 (Debian) | NormDecay / TorchSharp | NormDecay / PyTorch | limit on this machine | NormDecay / limit | NormDecay alloc/op |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var (id, title, goal, _) in Rows)
        {
            measured.TryGetValue(id, out var nd);
            measured.TryGetValue("torchsharp:" + id, out var ts);
            pyTorch.TryGetValue(id, out var pt);
            if (nd is null && ts is null && pt is null)
                continue;
            string vsTorchSharp = Ratio(nd, ts);
            if (goal is not null && nd is not null && ts is not null)
                vsTorchSharp += nd.MedianNs / ts.MedianNs <= goal ? $" (goal <= {goal:0.0}x met)" : $" (goal <= {goal:0.0}x **missed**)";
            var limit = Limit(id, measured);
            string limitCell = limit is { } l ? $"{Time(l.Ns)} ({l.How})" : "-";
            string vsLimit = limit is { } l2 && nd is not null ? (nd.MedianNs / l2.Ns).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
            sb.AppendLine($"| {title} | {Cell(nd)} | {Cell(ts)} | {Cell(pt)} | {vsTorchSharp} | {Ratio(nd, pt)} | {limitCell} | {vsLimit} | {Bytes(nd?.AllocatedBytesPerOp)} |");
        }

        sb.AppendLine();
        sb.AppendLine("Times are medians (inter-quartile range in brackets); ratios below 1 mean NormDecay is faster.");
        foreach (var (id, title, _, floorId) in Rows)
        {
            if (floorId is not null && pyTorch.TryGetValue(floorId, out var f))
                sb.AppendLine($"PyTorch 1.13 ATen kernels alone (no autograd), {title}: {Time(f.MedianNs)}.");
        }
        var lines = new List<string>();
        foreach (string shape in new[] { "256x512", "1024x1024", "dram" })
        {
            if (measured.TryGetValue("limit:triad_" + shape, out var t))
            {
                int length = LimitBenchmarks.TriadLength(shape);
                lines.Add($"triad over 3 x {length * 8.0 / 1e6:0.0} MB: {24.0 * length / t.MedianNs:0.0} GB/s");
            }
        }
        foreach (var (id, lanes) in new[] { ("limit:fma256", 4), ("limit:fma512", 8) })
        {
            if (measured.TryGetValue(id, out var r))
                lines.Add($"FMA loop {lanes * 64}-bit: {FmaPeakBenchmarks.Flops(lanes) / r.MedianNs:0.0} GFlop/s");
        }
        if (lines.Count > 0)
            sb.AppendLine("Machine limits, measured in this run: " + string.Join("; ", lines) + ".");
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
                sb.AppendLine($"{k}: {v}");
        }
        return sb.ToString();
    }

    static string Ratio(WorkloadResult? a, WorkloadResult? b) =>
        a is not null && b is not null ? (a.MedianNs / b.MedianNs).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";

    static string Cell(WorkloadResult? r) =>
        r is null ? "-" : $"{Time(r.MedianNs)} ({Time(r.P25Ns)}-{Time(r.P75Ns)})";

    /// <summary>A time in the most readable unit, e.g. 0.197 ms, 35.0 ms, 1.45 s, 812 us.</summary>
    public static string Time(double ns) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (ns / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("0", CultureInfo.InvariantCulture) + " us",
        _ => ns.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    static string Bytes(long? bytes) => bytes switch
    {
        null => "-",
        >= 1 << 20 => (bytes.Value / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (bytes.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.Value.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
