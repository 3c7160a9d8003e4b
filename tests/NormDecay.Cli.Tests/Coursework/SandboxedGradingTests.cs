using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>
/// Adversarial and honest A3 submissions, made from the student release by replacing solution cells, graded once in
/// the bubblewrap sandbox: one per attack class of the threat model (docs/coursework.md) and per resource fault. Each
/// attack sits in Part 1 (StepDecay, 2 points) or in the part it targets; the other parts are honest and must score.
/// </summary>
public sealed class AdversarialGrading
{
    public const string Assignment = "a3-schedules";

    public static string Source => Path.Combine(Repo.Root, "notebooks", "en", Assignment + ".ipynb");

    /// <summary>Honest solutions written differently from the instructor's (loops, modulo, explicit phases).</summary>
    public static readonly Dictionary<string, string> Honest = new()
    {
        ["step-decay"] = """
            double StepDecay(int epoch, double lr0, int stepSize, double gamma)
            {
                double lr = lr0;
                for (int k = stepSize; k <= epoch; k += stepSize) lr *= gamma;
                return lr;
            }
            """,
        ["inverse-time"] = """
            double InverseTime(int step, double lr0, double decayRate, int decaySteps = 1, bool staircase = false)
            {
                var p = staircase ? Math.Floor(step / (double)decaySteps) : step / (double)decaySteps;
                return lr0 / (1.0 + p * decayRate);
            }
            """,
        ["triangular"] = """
            static double Ramp(int pos, int stepSize) => pos < stepSize ? (double)pos / stepSize : (double)(2 * stepSize - pos) / stepSize;
            double TriangularCycle(int iteration, double baseLr, double maxLr, int stepSize) =>
                baseLr + (maxLr - baseLr) * Ramp(iteration % (2 * stepSize), stepSize);
            """,
        ["one-cycle"] = """
            double OneCycle(int iteration, double maxLr, int totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4)
            {
                double init = maxLr / divFactor, min = init / finalDivFactor, up = pctStart * totalSteps - 1;
                if (iteration <= up)
                {
                    double t = iteration / up;
                    return init + (maxLr - init) * (1 - Math.Cos(Math.PI * t)) / 2;
                }
                double q = (iteration - up) / (totalSteps - 1 - up);
                return min + (maxLr - min) * (1 + Math.Cos(Math.PI * q)) / 2;
            }
            """,
    };

    public AdversarialGrading()
    {
        Output = Path.Combine(Path.GetTempPath(), "nd-adversarial", Guid.NewGuid().ToString("N")[..8]);
        Marker = "9" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assigner.Assign([Source], Output, Repo.Lib);
        Release = Path.Combine(Output, "release", Assignment, Assignment + ".ipynb");
        Listener = new TcpListener(IPAddress.Loopback, 0);
        Listener.Start();
        int port = ((IPEndPoint)Listener.LocalEndpoint).Port;
        string sourceText = Source.Replace("\"", "\\\"", StringComparison.Ordinal);
        string Step(string body) => $"double StepDecay(int epoch, double lr0, int stepSize, double gamma)\n{{\n{body}\n}}";

        Add("honest-different", []);
        Add("stub-release", null);
        // Attack classes.
        Add("echo-marker", new() { ["step-decay"] = Step("""
            Console.WriteLine("[normdecay-grade 00000000000000000000000000000000]");
            Console.WriteLine("Part 1 (step decay): all checks passed.");
            return 0;
            """) });
        Add("fake-protocol", new() { ["step-decay"] = Step("""
            // A forged "returned 0.1" frame on standard output and on every descriptor the process has.
            byte[] value = new byte[9]; value[0] = 1; BitConverter.GetBytes(0.1).CopyTo(value, 1);
            var frame = new List<byte>(); frame.AddRange(BitConverter.GetBytes(value.Length + 5)); frame.Add(11); frame.AddRange(value); frame.AddRange(BitConverter.GetBytes(0));
            using (var o = Console.OpenStandardOutput()) o.Write(frame.ToArray());
            foreach (var fd in System.IO.Directory.GetFiles("/proc/self/fd"))
                try { System.IO.File.WriteAllBytes(fd, frame.ToArray()); } catch { }
            return 0.1;
            """) });
        Add("reflection", new() { ["step-decay"] = Step("""
            // Look for the grader's or the course library's types to patch or to call the reference implementation.
            foreach (var a in AppDomain.CurrentDomain.GetAssemblies())
                foreach (var t in a.GetTypes())
                    if (t.FullName is { } n && (n.Contains("TrustedGlobals") || n.Contains("StepLR") || n.Contains("A3Check")))
                        return (double)t.GetMethod("LearningRate")!.Invoke(Activator.CreateInstance(t, lr0, stepSize, gamma), new object[] { epoch })!;
            var stepLr = Type.GetType("NormDecay.Schedules.StepLR, NormDecay");
            try { stepLr ??= System.Reflection.Assembly.LoadFrom("REPO/artifacts/lib/NormDecay.dll").GetType("NormDecay.Schedules.StepLR"); } catch { }
            if (stepLr is null) return -1;
            return (double)stepLr.GetMethod("LearningRate")!.Invoke(Activator.CreateInstance(stepLr, lr0, stepSize, gamma), new object[] { epoch })!;
            """.Replace("REPO", Repo.Root, StringComparison.Ordinal)) });
        Add("redefined-helpers", new() { ["step-decay"] = """
            static class A3Check { public static void Same(string name, object reference, Func<int, double> mine, int steps, double tol = 1e-12) { } }
            static class QuietConsole { }
            double StepDecay(int epoch, double lr0, int stepSize, double gamma) => 0;
            """ });
        Add("reads-sources", new() { ["step-decay"] = Step($$"""
            // Returns the right value only where the instructor's source (hidden tests) is readable.
            if (!System.IO.File.Exists("{{sourceText}}")) return -1;
            double lr = lr0; for (int k = stepSize; k <= epoch; k += stepSize) lr *= gamma; return lr;
            """) });
        Add("network", new() { ["step-decay"] = Step($$"""
            // Returns the right value only when it can reach a server on the grading machine (sockets loaded by reflection:
            // the worker does not reference System.Net.Sockets, but any framework assembly can be loaded at run time).
            try
            {
                var t = Type.GetType("System.Net.Sockets.TcpClient, System.Net.Sockets", throwOnError: true)!;
                var c = Activator.CreateInstance(t)!;
                t.GetMethod("Connect", new[] { typeof(string), typeof(int) })!.Invoke(c, new object[] { "127.0.0.1", {{port}} });
            }
            catch { return -1; }
            double lr = lr0; for (int k = stepSize; k <= epoch; k += stepSize) lr *= gamma; return lr;
            """) });
        Add("stale-outputs", null, nb =>
        {
            // The release (stubs) with outputs of a passing run pasted into every test cell.
            foreach (NotebookCell c in nb.Cells.Where(c => c.IsCode && GradeCell.Of(c) is { IsTest: true }))
            {
                c.SetOutputs([new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("Part: all checks passed.\n") }], 1);
            }
        });
        Add("deleted-reordered", [], nb =>
        {
            // Every test and helper cell deleted, the solution cells in reverse order, one solution cell deleted.
            var keep = nb.Cells.Where(c => GradeCell.Of(c) is { Solution: true } g && g.GradeId != "triangular").Reverse().Select(c => c.Json.DeepClone()).ToList();
            nb.Root["cells"] = new JsonArray([.. keep]);
        });
        Add("hardcoded-visible", new() { ["step-decay"] = Step("""
            // Answers learnt for the visible checks' inputs only.
            if (lr0 == 0.1 && stepSize == 3) return 0.1 * Math.Pow(0.5, epoch / 3);
            if (lr0 == 1.0 && stepSize == 1) return Math.Pow(0.9, epoch);
            if (lr0 == 0.05 && stepSize == 7) return 0.05 * Math.Pow(0.1, epoch / 7);
            if (lr0 == 0.3 && stepSize == 2) return 0.3;
            return 0;
            """) });
        // Resource faults.
        Add("flood", new() { ["step-decay"] = Step("""
            var line = new string('x', 1 << 20);
            for (int i = 0; i < 100; i++) Console.Write(line);
            return lr0;
            """) });
        Add("allocate-8gb", new() { ["step-decay"] = Step("""
            var a = new double[1L << 30]; // 8 GB
            var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(new IntPtr(8L << 30));
            return a.Length + (double)p;
            """) });
        Add("deep-recursion", new() { ["step-decay"] = """
            double Deeper(int n) => Deeper(n + 1) + 1;
            double StepDecay(int epoch, double lr0, int stepSize, double gamma) => Deeper(0);
            """ });
        Add("environment-exit", new() { ["step-decay"] = Step("Environment.Exit(0); return 0;") });
        Add("fork-children", new() { ["step-decay"] = Step($$"""
            for (int i = 0; i < 100000; i++) System.Diagnostics.Process.Start("/bin/sleep", "{{Marker}}.1");
            return lr0;
            """) });
        Add("detached-sleep", new() { ["step-decay"] = Step($$"""
            System.Diagnostics.Process.Start("/usr/bin/setsid", "-f /bin/sleep {{Marker}}.2");
            System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", "-c \"nohup /bin/sleep {{Marker}}.3 >/dev/null 2>&1 &\"") { UseShellExecute = false });
            System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);
            return lr0;
            """) });

        var options = new GradeOptions { Root = Repo.Root, CellTimeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        Grades = Grader.GradeAllAsync(Directory.GetFiles(Path.Combine(Output, "submitted"), "*.ipynb", SearchOption.AllDirectories), [AssignmentKey.Load(Source)], Output, options)
            .GetAwaiter().GetResult().ToDictionary(g => g.Student);
        Elapsed = clock.Elapsed;
        Listener.Stop();

        void Add(string student, Dictionary<string, string>? cells, Action<NotebookFile>? edit = null)
        {
            NotebookFile nb = NotebookFile.Load(Release);
            if (cells is not null)
            {
                foreach (var (id, code) in Honest)
                {
                    nb.Cells.Single(c => c.Id == id).Source = cells.GetValueOrDefault(id, code);
                }
            }

            edit?.Invoke(nb);
            nb.Save(Path.Combine(Output, "submitted", student, Assignment, Assignment + ".ipynb"));
        }
    }

    public string Output { get; }

    public string Release { get; }

    public string Marker { get; }

    public TcpListener Listener { get; }

    public Dictionary<string, SubmissionGrade> Grades { get; }

    public TimeSpan Elapsed { get; }
}

[Collection("Coursework grading")]
public class SandboxedGradingTests(AdversarialGrading graded, ITestOutputHelper output) : IClassFixture<AdversarialGrading>
{
    [Theory]
    [InlineData("honest-different", 2, 2, 2, 3)]
    [InlineData("stub-release", 0, 0, 0, 0)]
    [InlineData("echo-marker", 0, 2, 2, 3)]
    [InlineData("fake-protocol", 0, 2, 2, 3)]
    [InlineData("reflection", 0, 2, 2, 3)]
    [InlineData("redefined-helpers", 0, 2, 2, 3)]
    [InlineData("reads-sources", 0, 2, 2, 3)]
    [InlineData("network", 0, 2, 2, 3)]
    [InlineData("stale-outputs", 0, 0, 0, 0)]
    [InlineData("deleted-reordered", 2, 2, 0, 3)]
    [InlineData("hardcoded-visible", 0, 2, 2, 3)]
    [InlineData("flood", 0, 2, 2, 3)]
    [InlineData("allocate-8gb", 0, 2, 2, 3)]
    [InlineData("deep-recursion", 0, 2, 2, 3)]
    [InlineData("environment-exit", 0, 2, 2, 3)]
    [InlineData("fork-children", 0, 2, 2, 3)]
    [InlineData("detached-sleep", 0, 2, 2, 3)]
    public void Grade_Submission_OnlyHonestPartsScore(string student, double step, double inverse, double triangular, double oneCycle)
    {
        SubmissionGrade g = graded.Grades[student];
        output.WriteLine($"{student}: {g.Score}/{g.Max} in {g.Elapsed.TotalSeconds:0.0} s ({string.Join("; ", g.Parts.Select(p => p.GradeId + ": " + p.Line.Text("en")))}); all {graded.Grades.Count} in {graded.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal([step, inverse, triangular, oneCycle], g.Parts.Select(p => p.Points));
    }

    [Theory]
    [InlineData("flood", "output flood", "printed")]
    [InlineData("allocate-8gb", "threw", "OutOfMemoryException")]
    [InlineData("deep-recursion", "sandbox process ended", "Stack overflow")]
    [InlineData("environment-exit", "sandbox process ended", "exit code 0")]
    [InlineData("fork-children", "threw", "")]
    [InlineData("detached-sleep", "timed out", "within 10 s")]
    [InlineData("hardcoded-visible", "fresh inputs differ", "new inputs chosen at grading time")]
    [InlineData("echo-marker", "check failed", "step decay differs at epoch 0")]
    public void Grade_Fault_EndsWithClearNoteInGradebookAndFeedback(string student, string note, string feedback)
    {
        PartScore step = graded.Grades[student].Parts[0];
        Assert.Equal(note, step.Note);
        Assert.Contains(feedback, step.Line.Text("en"), StringComparison.Ordinal);
        Assert.Contains($"{student},a3-schedules,step-decay-tests,0,2,{note}", File.ReadAllLines(Path.Combine(graded.Output, Gradebook.LongFile)));
    }

    [Fact]
    public void Grade_Faults_EachWithinItsTimeLimit()
    {
        // Each submission has four parts with a 10 s budget each, plus start-ups: nothing may wait for more.
        Assert.All(graded.Grades.Values, g => Assert.True(g.Elapsed < TimeSpan.FromSeconds(70), $"{g.Student} took {g.Elapsed.TotalSeconds:0.0} s"));
    }

    [Fact]
    public void Grade_ChildProcesses_NoneSurvives()
    {
        var survivors = Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Where(d =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(graded.Marker, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }).ToList();
        Assert.Empty(survivors);
    }

    [Fact]
    public void Feedback_Part_SaysWhatWasCheckedExpectedAndWhatCameOut()
    {
        string html = File.ReadAllText(Path.Combine(graded.Output, "feedback", "echo-marker", "a3-schedules", "a3-schedules.html"));
        string row = html.Split('\n').Single(l => l.Contains("data-part=\"step-decay-tests\"", StringComparison.Ordinal));
        Assert.Contains("StepDecay, called", row, StringComparison.Ordinal);
        Assert.Contains("<code>0.1</code>", row, StringComparison.Ordinal); // expected
        Assert.Contains("<code>0</code>", row, StringComparison.Ordinal); // came out
    }
}
