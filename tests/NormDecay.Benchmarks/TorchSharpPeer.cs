using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NormDecay.Benchmarks;

/// <summary>
/// The peer a C# user would pick instead of NormDecay: TorchSharp-cpu 0.107.0, which bundles LibTorch 2.10 with MKL,
/// in this process, one thread (<c>torch.set_num_threads(1)</c>), float64. Each workload mirrors <c>pytorch/bench.py</c>
/// line for line (same data split, same network, same optimizer, same per-step records), so the three columns of the
/// table time the same computation.
/// </summary>
public static class TorchSharpPeer
{
    static readonly Lazy<(Tensor X, Tensor Y, Tensor TestX, Tensor TestY)> Data = new(() =>
    {
        Init();
        var s = DigitsSplit.Load();
        return (ToTensor(s.TrainX), torch.tensor(s.TrainY.Select(v => (long)v).ToArray()),
                ToTensor(s.TestX), torch.tensor(s.TestY.Select(v => (long)v).ToArray()));
    });

    static bool _initialized;

    /// <summary>One intra-op and one inter-op thread, float64 default, as bench.py.</summary>
    public static void Init()
    {
        if (_initialized)
            return;
        torch.set_num_threads(1);
        try
        {
            torch.set_num_interop_threads(1);
        }
        catch (Exception)
        {
            // LibTorch allows setting the inter-op pool only before its first parallel op; one thread either way.
        }
        torch.set_default_dtype(ScalarType.Float64);
        _initialized = true;
    }

    /// <summary>Version line for the report: TorchSharp, LibTorch, threads, BLAS.</summary>
    public static string Describe()
    {
        Init();
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, LibTorch {torch.__version__}, threads {torch.get_num_threads()}";
    }

    static Tensor ToTensor(MathNet.Numerics.LinearAlgebra.Matrix<double> m)
    {
        // MathNet is column-major: its array is the transpose in row-major order.
        var t = torch.tensor(m.ToColumnMajorArray(), [m.ColumnCount, m.RowCount], ScalarType.Float64);
        return t.t().contiguous();
    }

    /// <summary>BatchNorm1d forward + backward through autograd, training mode (bench.py <c>bn_workload</c>).</summary>
    public sealed class BatchNormStep : IDisposable
    {
        readonly BatchNorm1d _bn;
        readonly Tensor _x, _dOut;

        public BatchNormStep(int rows, int cols)
        {
            Init();
            var gen = new Generator(Digits.Seed);
            _bn = nn.BatchNorm1d(cols, dtype: ScalarType.Float64);
            using (torch.no_grad())
            {
                _bn.weight!.copy_(1.0 + 0.1 * torch.randn(cols, generator: gen));
                _bn.bias!.copy_(0.1 * torch.randn(cols, generator: gen));
            }
            _bn.train();
            _x = (3.0 + 2.0 * torch.randn(rows, cols, generator: gen)).requires_grad_(true);
            _dOut = torch.randn(rows, cols, generator: gen);
        }

        public void Run()
        {
            using var scope = torch.NewDisposeScope();
            _x.grad?.Dispose();
            _x.grad = null;
            _bn.weight!.grad = null;
            _bn.bias!.grad = null;
            var output = _bn.forward(_x);
            output.backward([_dOut]);
        }

        public void Dispose()
        {
            _bn.Dispose();
            _x.Dispose();
            _dOut.Dispose();
        }
    }

    /// <summary>The digits MLP 64-128-128-10 (Linear [→ BatchNorm1d] → ReLU ×2 → Linear), He init, as bench.py <c>make_mlp</c>.</summary>
    public static Sequential MakeMlp(bool withBn, int seed)
    {
        Init();
        torch.manual_seed(seed);
        int[] sizes = [64, 128, 128];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < sizes.Length - 1; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(sizes[i], sizes[i + 1], dtype: ScalarType.Float64)));
            if (withBn)
                layers.Add(($"bn{i}", nn.BatchNorm1d(sizes[i + 1], dtype: ScalarType.Float64)));
            layers.Add(($"relu{i}", nn.ReLU()));
        }
        layers.Add(("output", nn.Linear(sizes[^1], 10, dtype: ScalarType.Float64)));
        var model = nn.Sequential(layers);
        using (torch.no_grad())
        {
            foreach (var (_, layer) in layers)
            {
                if (layer is Linear linear)
                {
                    nn.init.kaiming_normal_(linear.weight!, nonlinearity: nn.init.NonlinearityType.ReLU);
                    nn.init.zeros_(linear.bias!);
                }
            }
        }
        return model;
    }

    /// <summary>One epoch: seeded shuffle, batches of 64, loss and batch accuracy recorded per step (bench.py <c>train_epoch</c>).</summary>
    public static void TrainEpoch(Sequential model, optim.Optimizer opt, Generator gen, List<(double Loss, double Accuracy)> history)
    {
        var (x, y, _, _) = Data.Value;
        model.train();
        using var epochScope = torch.NewDisposeScope();
        var perm = torch.randperm(x.shape[0], generator: gen);
        long n = x.shape[0];
        for (long start = 0; start < n; start += Digits.BatchSize)
        {
            using var scope = torch.NewDisposeScope();
            var idx = perm.slice(0, start, Math.Min(start + Digits.BatchSize, n), 1);
            var xb = x.index_select(0, idx);
            var yb = y.index_select(0, idx);
            opt.zero_grad();
            var logits = model.forward(xb);
            var loss = F.cross_entropy(logits, yb);
            loss.backward();
            opt.step();
            history.Add((loss.item<double>(), logits.argmax(1).eq(yb).to_type(ScalarType.Float64).mean().item<double>()));
        }
    }

    /// <summary>Test accuracy in eval mode without autograd (bench.py <c>evaluate</c>).</summary>
    public static double Evaluate(Sequential model)
    {
        var (_, _, x, y) = Data.Value;
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return model.forward(x).argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>A persistent network and optimizer; each call trains one more epoch (bench.py <c>mlp_epoch_workload</c>).</summary>
    public sealed class MlpEpoch
    {
        readonly Sequential _model;
        readonly optim.Optimizer _opt;
        readonly Generator _gen = new(Digits.Seed);
        readonly List<(double, double)> _history = new(32);

        public MlpEpoch(bool withBn)
        {
            _ = Data.Value;
            _model = MakeMlp(withBn, Digits.Seed);
            _opt = optim.SGD(_model.parameters(), Digits.LearningRate, Digits.Momentum);
        }

        public double Run()
        {
            _history.Clear();
            TrainEpoch(_model, _opt, _gen, _history);
            double last = _history[^1].Item1;
            if (!double.IsFinite(last))
                throw new InvalidOperationException("TorchSharp MLP diverged; the benchmark would time NaN arithmetic");
            return last;
        }
    }

    /// <summary>Lesson 4's sweep: 6 learning rates x 3 epochs x (without BN, with BN), test accuracy after each epoch (bench.py <c>lr_sweep_workload</c>).</summary>
    public static double LearningRateSweep()
    {
        _ = Data.Value;
        double best = 0;
        foreach (bool withBn in new[] { false, true })
        {
            foreach (double lr in LearningRateSweepBenchmarks.LearningRates)
            {
                using var model = MakeMlp(withBn, Digits.Seed);
                using var opt = optim.SGD(model.parameters(), lr, Digits.Momentum);
                var gen = new Generator(Digits.Seed);
                var history = new List<(double, double)>(LearningRateSweepBenchmarks.Epochs * 23);
                double accuracy = 0;
                for (int e = 0; e < LearningRateSweepBenchmarks.Epochs; e++)
                {
                    TrainEpoch(model, opt, gen, history);
                    accuracy = Evaluate(model);
                }
                best = Math.Max(best, accuracy);
            }
        }
        return best;
    }
}
