using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Normalization;

namespace NormDecay.Benchmarks;

/// <summary>
/// Workload 1: batch normalization forward + backward in training mode, double precision.
/// PyTorch counterpart: bench.py <c>bn_fwd_bwd_*</c> (nn.BatchNorm1d through autograd) and
/// <c>bn_fwd_bwd_*_aten</c> (the ATen kernels alone).
/// </summary>
[Config(typeof(BenchConfig))]
public class BatchNormBenchmarks
{
    [Params("256x512", "1024x1024")]
    public string Shape { get; set; } = "256x512";

    Matrix<double> _x = null!, _dOut = null!, _xHat = null!, _y = null!, _dx = null!;
    BatchNormBaseline _baseline = null!;
    BatchNorm _bn = null!, _bnNoValidation = null!;
    TorchSharpPeer.BatchNormStep _torch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        int rows = int.Parse(parts[0]), cols = int.Parse(parts[1]);
        var random = new Random(42);
        _x = Matrix<double>.Build.Dense(rows, cols, (_, _) => 3.0 + 2.0 * Gaussian(random));
        _dOut = Matrix<double>.Build.Dense(rows, cols, (_, _) => Gaussian(random));
        _xHat = Matrix<double>.Build.Dense(rows, cols);
        _y = Matrix<double>.Build.Dense(rows, cols);
        _dx = Matrix<double>.Build.Dense(rows, cols);
        _baseline = new BatchNormBaseline(cols);
        _bn = new BatchNorm(cols);
        _bnNoValidation = new BatchNorm(cols) { ValidateInput = false };
        for (int j = 0; j < cols; j++)
        {
            _bn.Gamma[j] = _bnNoValidation.Gamma[j] = _baseline.Gamma[j] = 1.0 + 0.1 * Gaussian(random);
            _bn.Beta[j] = _bnNoValidation.Beta[j] = _baseline.Beta[j] = 0.1 * Gaussian(random);
        }
        _torch = new TorchSharpPeer.BatchNormStep(rows, cols);
    }

    [GlobalCleanup]
    public void Cleanup() => _torch.Dispose();

    /// <summary>The peer: TorchSharp's <c>nn.BatchNorm1d</c> forward + backward through autograd (LibTorch 2.10, one thread).</summary>
    [Benchmark, BenchmarkCategory("torchsharp:bn_fwd_bwd")]
    public void TorchSharp() => _torch.Run();

    /// <summary>The library layer as a student uses it (input NaN scan on), non-allocating overloads.</summary>
    [Benchmark, BenchmarkCategory("bn_fwd_bwd")]
    public Matrix<double> Library()
    {
        _bn.Forward(_x, Mode.Train, _y);
        _bn.Backward(_dOut, _dx);
        return _dx;
    }

    /// <summary>The library layer with <see cref="BatchNorm.ValidateInput"/> off, as inside <c>Mlp</c>.</summary>
    [Benchmark, BenchmarkCategory("bn_fwd_bwd_novalidate")]
    public Matrix<double> LibraryWithoutValidation()
    {
        _bnNoValidation.Forward(_x, Mode.Train, _y);
        _bnNoValidation.Backward(_dOut, _dx);
        return _dx;
    }

    /// <summary>Yardstick 1: plain scalar span loops over the column-major storage, nothing allocated.</summary>
    [Benchmark, BenchmarkCategory("bn_fwd_bwd_scalar_loops")]
    public Matrix<double> ScalarLoops()
    {
        _baseline.Forward(_x, _xHat, _y);
        _baseline.Backward(_dOut, _xHat, _dx);
        return _dx;
    }

    /// <summary>The same with the vectorised reductions of <see cref="SpanKernels"/>.</summary>
    [Benchmark, BenchmarkCategory("bn_fwd_bwd_span_kernels")]
    public Matrix<double> SpanKernelLoops()
    {
        _baseline.ForwardVectorized(_x, _xHat, _y);
        _baseline.BackwardVectorized(_dOut, _xHat, _dx);
        return _dx;
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
