using System.Globalization;
using System.Text;

namespace NormDecay.Benchmarks;

/// <summary>
/// The side-by-side table run.sh prints: workload, NormDecay median, PyTorch median, ratio,
/// NormDecay allocated bytes per operation, and the goal from issue 7.
/// </summary>
public static class Comparison
{
    /// <summary>Workloads in table order; goal = the largest acceptable NormDecay/PyTorch ratio (null: no goal).</summary>
    public static readonly (string Id, string Title, double? Goal, string? PyTorchFloorId)[] Rows =
    [
        ("bn_fwd_bwd_256x512", "BN fwd+bwd 256x512", 1.0, "bn_fwd_bwd_256x512_aten"),
        ("bn_fwd_bwd_1024x1024", "BN fwd+bwd 1024x1024", 1.0, "bn_fwd_bwd_1024x1024_aten"),
        ("mlp_epoch_nobn", "MLP epoch, no BN", 1.0, null),
        ("mlp_epoch_bn", "MLP epoch, BN before act.", 1.0, null),
        ("lr_sweep", "LR sweep (6 lr x 3 ep x +-BN)", null, null),
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

    public static string Format(Dictionary<string, WorkloadResult> normDecay, Dictionary<string, WorkloadResult> pyTorch)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| workload | NormDecay median (IQR) | PyTorch median (IQR) | ratio | goal | NormDecay alloc/op | PyTorch ATen-only |");
        sb.AppendLine("|---|---:|---:|---:|---|---:|---:|");
        foreach (var (id, title, goal, floorId) in Rows)
        {
            normDecay.TryGetValue(id, out var nd);
            pyTorch.TryGetValue(id, out var pt);
            if (nd is null && pt is null)
                continue;
            string ratio = nd is not null && pt is not null ? (nd.MedianNs / pt.MedianNs).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
            string verdict = goal is null || nd is null || pt is null ? "-"
                : nd.MedianNs / pt.MedianNs <= goal ? $"<= {goal:0.0}x met" : $"<= {goal:0.0}x MISSED";
            string floor = floorId is not null && pyTorch.TryGetValue(floorId, out var f) ? Time(f.MedianNs) : "-";
            sb.AppendLine($"| {title} | {Cell(nd)} | {Cell(pt)} | {ratio} | {verdict} | {Bytes(nd?.AllocatedBytesPerOp)} | {floor} |");
        }
        var extra = normDecay.Keys.Concat(pyTorch.Keys).Distinct()
            .Where(k => !Rows.Any(r => r.Id == k || r.PyTorchFloorId == k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var id in extra)
        {
            normDecay.TryGetValue(id, out var nd);
            pyTorch.TryGetValue(id, out var pt);
            sb.AppendLine($"| {id} | {Cell(nd)} | {Cell(pt)} | - | - | {Bytes(nd?.AllocatedBytesPerOp)} | - |");
        }
        return sb.ToString();
    }

    static string Cell(WorkloadResult? r) =>
        r is null ? "-" : $"{Time(r.MedianNs)} ({Time(r.P25Ns)}-{Time(r.P75Ns)})";

    /// <summary>A time in the most readable unit, e.g. 0.197 ms, 35.0 ms, 1.45 s, 812 us.</summary>
    public static string Time(double ns) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (ns / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " us",
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
